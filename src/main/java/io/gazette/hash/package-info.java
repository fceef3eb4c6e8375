/**
 * Hashing, one place for it ({@link io.gazette.hash.Hashes}): SHA-256 where a name must not
 * collide, MurmurHash3 (x64, 128 bits) where the build tells a content file's versions apart
 * quickly, FNV-1a where another program (the search page's script) must compute the same number.
 *
 * <p>May use: no other Gazette package.
 */
package io.gazette.hash;
