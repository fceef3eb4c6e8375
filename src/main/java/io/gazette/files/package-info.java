/**
 * Files written whole or not at all: a cache or state file is written beside its place and moved
 * over it, so a build killed half-way leaves the previous file, never half of a new one.
 *
 * <p>May use: no other Gazette package.
 */
package io.gazette.files;
