/**
 * Files written whole or not at all: a cache or state file is written beside its place and moved
 * over it, so a build killed half-way leaves the previous file, never half of a new one
 * ({@link io.gazette.files.AtomicFiles}); a state file also carries its format and a checksum, so
 * that a reader tells a damaged or foreign file from a good one ({@link io.gazette.files.ChecksummedFile}).
 * A file's inode and change time are read from the attributes the JDK already read, without the
 * garbage of the public API's attribute maps ({@link io.gazette.files.UnixAttributes}).
 *
 * <p>May use: no other Gazette package.
 */
package io.gazette.files;
