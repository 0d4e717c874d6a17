package dev.hibernateae.benchmarks.boot;

/** The live threads hibernate-ae started (their names begin with {@code hibernate-ae}). */
final class LeftThreads {
    private static final String PREFIX = "hibernate-ae";

    private LeftThreads() {
    }

    static long count() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().startsWith(PREFIX)).count();
    }
}
