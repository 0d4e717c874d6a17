package dev.hibernateae.internal.lifecycle.job;

import java.util.List;

/** One batch, before its transaction commits: where it ended and what it did. */
record BatchResult(KeyTuple lastKey, int rows, long rewritten, long alreadyDone, long nulls, long conflicts,
        long unreadable, List<String> unreadableSamples) {
}
