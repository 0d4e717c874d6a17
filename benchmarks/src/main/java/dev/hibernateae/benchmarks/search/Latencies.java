package dev.hibernateae.benchmarks.search;

import java.util.Arrays;

/** The latencies one side of a query comparison recorded, in nanoseconds, and their median and 95th percentile. */
final class Latencies {
    private final long[] nanos;
    private int size;

    Latencies(int capacity) {
        nanos = new long[capacity];
    }

    void add(long elapsed) {
        nanos[size++] = elapsed;
    }

    /** The median in milliseconds. */
    double medianMillis() {
        return percentile(0.50);
    }

    /** The 95th percentile in milliseconds (nearest rank). */
    double p95Millis() {
        return percentile(0.95);
    }

    private double percentile(double fraction) {
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(fraction * size);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
