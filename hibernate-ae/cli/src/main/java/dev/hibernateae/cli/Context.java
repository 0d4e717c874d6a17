package dev.hibernateae.cli;

import java.io.PrintStream;
import java.util.Map;

/**
 * What one run of the tool writes to and reads its environment from. Passed in rather than taken from
 * {@link System}, so tests run the tool in process with their own streams and environment variables.
 */
record Context(PrintStream out, PrintStream err, Map<String, String> env) {
}
