/**
 * Hashing, one place for it: SHA-256 for content addresses and caches, FNV-1a where a short
 * stable number is enough.
 */
package io.gazette.hash;
