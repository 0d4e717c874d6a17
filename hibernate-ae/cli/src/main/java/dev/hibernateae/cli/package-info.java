/**
 * The {@code hibernate-ae-cli} command-line tool: key administration and the key lifecycle (rotations,
 * encryption in place) from a shell, its commands built on the core's public packages. The tool's interface is its
 * command line; its Java classes are not a library.
 *
 * <p>Internal: not part of the public API; may change in any release without notice. Do not use from applications.
 */
package dev.hibernateae.cli;
