/**
 * The {@code gazette} commands (picocli): each command parses its options and calls one package
 * to do the work; also the launcher that sizes the JVM.
 *
 * <p>May use: build, check, config, hash, legacy, output, problems, search, serve, site, text.
 */
package io.gazette.cli;
