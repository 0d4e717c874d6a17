package dev.hibernateae.internal.lifecycle.job;

import dev.hibernateae.lifecycle.JobOptions;
import dev.hibernateae.lifecycle.JobProgress;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Tells the job's listener, every second, how many rows every worker of the job has walked (the sum of the
 * partitions' checkpoints, so workers of other processes count too), the rate over the last seconds and the time
 * left at that rate.
 */
final class ProgressReporter implements AutoCloseable {
    private static final int WINDOW = 5;

    private final DataSource dataSource;
    private final String job;
    private final JobOptions options;
    private final Supplier<JobProgress.Stage> stage;
    private final LongSupplier total;
    private final long[] samples = new long[WINDOW];
    private final long[] times = new long[WINDOW];
    private int taken;
    private ScheduledExecutorService ticker;

    ProgressReporter(DataSource dataSource, String job, JobOptions options, Supplier<JobProgress.Stage> stage,
            LongSupplier total) {
        this.dataSource = dataSource;
        this.job = job;
        this.options = options;
        this.stage = stage;
        this.total = total;
    }

    void start() {
        if (options.progress() == dev.hibernateae.lifecycle.ProgressListener.NONE) {
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hibernate-ae progress " + job);
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(this::report, 0, 1, TimeUnit.SECONDS);
    }

    synchronized void report() {
        long done;
        try (Connection connection = dataSource.getConnection()) {
            done = JobCatalog.rowsDone(connection, job);
        } catch (SQLException e) {
            return; // progress is best effort; the job itself reports failures
        }
        long now = System.nanoTime();
        int slot = taken % WINDOW;
        int oldest = taken >= WINDOW ? (taken + 1) % WINDOW : 0;
        samples[slot] = done;
        times[slot] = now;
        taken++;
        double rate = 0;
        if (taken > 1) {
            long rows = done - samples[oldest];
            long nanos = now - times[oldest];
            rate = nanos > 0 ? rows * 1e9 / nanos : 0;
        }
        long rowsTotal = total.getAsLong();
        Duration remaining = rate > 0 ? Duration.ofSeconds((long) Math.ceil(Math.max(0, rowsTotal - done) / rate))
                : null;
        try {
            options.progress().onProgress(new JobProgress(job, stage.get(), done, rowsTotal, rate, remaining));
        } catch (RuntimeException ignored) {
            // a failing listener must not stop the job
        }
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }
}
