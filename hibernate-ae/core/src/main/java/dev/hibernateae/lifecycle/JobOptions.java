package dev.hibernateae.lifecycle;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * How a lifecycle job runs. Immutable; every {@code with} method returns a copy.
 *
 * @param batchSize rows per batch; each batch is one transaction that also commits the checkpoint
 * @param partitions key ranges the table is split into when the job is planned (workers share them)
 * @param workers threads of this process that work partitions
 * @param workerName this process's name in the partitions table; a process restarted with the same name takes its
 *        partitions back at once, others wait for {@code lease} to pass
 * @param waitBeforeRewrite how long to wait after announcing a rotation or transition before rewriting any row:
 *        more than twice the applications' {@code hibernate.ae.lifecycle.poll_interval}
 * @param lease how long a partition stays with a worker that stopped committing
 * @param progress hears the job's progress
 * @param cancelled asked between batches; when it says true the job stops, resumable
 */
public record JobOptions(int batchSize, int partitions, int workers, String workerName, Duration waitBeforeRewrite,
        Duration lease, ProgressListener progress, BooleanSupplier cancelled) {

    /** Twice the applications' default poll interval (10 s), plus a margin. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(25);

    public static final JobOptions DEFAULTS = new JobOptions(1000, 8, 1, defaultWorkerName(), DEFAULT_WAIT,
            Duration.ofSeconds(60), ProgressListener.NONE, () -> false);

    public JobOptions {
        if (batchSize < 1 || batchSize > 100_000) {
            throw new IllegalArgumentException("batch size must be 1..100000, got " + batchSize);
        }
        if (partitions < 1 || partitions > 10_000) {
            throw new IllegalArgumentException("partitions must be 1..10000, got " + partitions);
        }
        if (workers < 1 || workers > 256) {
            throw new IllegalArgumentException("workers must be 1..256, got " + workers);
        }
        Objects.requireNonNull(workerName, "workerName");
        if (workerName.isBlank() || workerName.length() > 150) {
            throw new IllegalArgumentException("worker name must be 1..150 characters");
        }
        Objects.requireNonNull(waitBeforeRewrite, "wait");
        Objects.requireNonNull(lease, "lease");
        if (waitBeforeRewrite.isNegative() || lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("wait must be >= 0 and lease > 0");
        }
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(cancelled, "cancelled");
    }

    private static String defaultWorkerName() {
        return ManagementFactory.getRuntimeMXBean().getName();
    }

    public JobOptions withBatchSize(int value) {
        return new JobOptions(value, partitions, workers, workerName, waitBeforeRewrite, lease, progress, cancelled);
    }

    public JobOptions withPartitions(int value) {
        return new JobOptions(batchSize, value, workers, workerName, waitBeforeRewrite, lease, progress, cancelled);
    }

    public JobOptions withWorkers(int value) {
        return new JobOptions(batchSize, partitions, value, workerName, waitBeforeRewrite, lease, progress, cancelled);
    }

    public JobOptions withWorkerName(String value) {
        return new JobOptions(batchSize, partitions, workers, value, waitBeforeRewrite, lease, progress, cancelled);
    }

    public JobOptions withWaitBeforeRewrite(Duration value) {
        return new JobOptions(batchSize, partitions, workers, workerName, value, lease, progress, cancelled);
    }

    public JobOptions withLease(Duration value) {
        return new JobOptions(batchSize, partitions, workers, workerName, waitBeforeRewrite, value, progress, cancelled);
    }

    public JobOptions withProgress(ProgressListener value) {
        return new JobOptions(batchSize, partitions, workers, workerName, waitBeforeRewrite, lease, value, cancelled);
    }

    public JobOptions withCancelled(BooleanSupplier value) {
        return new JobOptions(batchSize, partitions, workers, workerName, waitBeforeRewrite, lease, progress, value);
    }
}
