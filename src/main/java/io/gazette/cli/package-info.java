/**
 * The {@code gazette} commands (picocli): each command parses its options and calls one package
 * to do the work; also the launcher that sizes the JVM.
 */
package io.gazette.cli;
