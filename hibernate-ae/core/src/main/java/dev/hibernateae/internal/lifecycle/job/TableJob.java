package dev.hibernateae.internal.lifecycle.job;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.lifecycle.JobOptions;
import dev.hibernateae.lifecycle.JobProgress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * Rewrites the values of some columns of one table with a {@link CellTransform}: online, in batches, resumable,
 * shared by workers.
 *
 * <ol>
 *   <li><b>Plan.</b> The first worker to start splits the table into key ranges of about equal row counts and
 *       stores them in the partitions table; later workers, and resumed runs, use that plan.</li>
 *   <li><b>Rewrite.</b> Each worker claims a partition and walks it in key order, batch after batch. A batch reads
 *       rows, transforms their values, writes each changed value with a compare-and-set update, and records the
 *       last key as the partition's checkpoint, all in one transaction: a crash loses at most the batch in flight,
 *       and a rerun continues from the checkpoint (values already rewritten are recognized and kept). In a table
 *       with search tokens, the rows whose searchable cells the batch rewrote get their tokens derived again in the
 *       same transaction ({@link TokenRederivation}).</li>
 *   <li><b>Verify.</b> When every partition is done, the whole table is walked once more: anything still in the old
 *       form (a value the application wrote late, a compare-and-set that lost to the application) is rewritten,
 *       and passes repeat until one rewrites nothing. Values in neither form are counted, never touched.</li>
 * </ol>
 */
public final class TableJob {
    private static final int MAX_ATTEMPTS = 5;
    private static final int MAX_VERIFY_PASSES = 5;

    private final DataSource dataSource;
    private final String name;
    private final TableShape shape;
    private final BatchWalker walker;
    private final JobOptions options;
    private final JobCounters counters;
    private final Clock clock;
    private final boolean rebuild;
    private final AtomicBoolean failed = new AtomicBoolean();
    private volatile JobProgress.Stage stage = JobProgress.Stage.REWRITING;
    private volatile long rowsTotal;

    /**
     * @param transforms one per column of {@code shape}, in its order
     * @param tokens derives the search tokens of rewritten rows again; null when the table has none
     * @param rebuild whether the rewrite pass derives the tokens of every row again, rewritten or not
     */
    public TableJob(DataSource dataSource, String name, TableShape shape, List<CellTransform> transforms,
            TokenRederivation tokens, boolean rebuild, JobOptions options, JobCounters counters, Clock clock) {
        this.dataSource = dataSource;
        this.name = name;
        this.shape = shape;
        this.walker = new BatchWalker(shape, transforms, options.batchSize(), tokens);
        this.options = options;
        this.counters = counters;
        this.clock = clock;
        this.rebuild = rebuild;
    }

    public String name() {
        return name;
    }

    /**
     * Runs the job to the end, or until {@link JobOptions#cancelled()} says stop.
     *
     * @return whether it ran to the end (every value verified or counted unreadable)
     */
    public boolean run() throws SQLException {
        List<JobPartition> plan = plan();
        rowsTotal = plan.stream().mapToLong(JobPartition::rowsPlanned).sum();
        try (ProgressReporter reporter = new ProgressReporter(dataSource, name, options, () -> stage,
                () -> rowsTotal)) {
            reporter.start();
            while (!allDone(plan)) {
                if (cancelled()) {
                    return false;
                }
                runWorkers(plan);
                plan = load();
                if (!allDone(plan) && !cancelled()) {
                    // Partitions held by workers of other processes: wait for them, or for their lease to end.
                    sleep(Duration.ofMillis(Math.min(1000, options.lease().toMillis() / 4 + 1)));
                }
            }
            stage = JobProgress.Stage.VERIFYING;
            reporter.report();
            boolean verified = verify();
            stage = JobProgress.Stage.DONE;
            reporter.report();
            return verified;
        }
    }

    private boolean cancelled() {
        return failed.get() || options.cancelled().getAsBoolean();
    }

    private List<JobPartition> plan() throws SQLException {
        List<JobPartition> existing = load();
        if (!existing.isEmpty()) {
            return existing;
        }
        List<JobPartition> plan = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long total;
            try (PreparedStatement count = connection.prepareStatement(shape.countSql());
                    ResultSet rows = count.executeQuery()) {
                rows.next();
                total = rows.getLong(1);
            }
            int partitions = (int) Math.max(1, Math.min(options.partitions(), total / Math.max(1,
                    options.batchSize()) + 1));
            List<KeyTuple> bounds = new ArrayList<>();
            for (int i = 1; i < partitions; i++) {
                KeyTuple bound = keyAt(connection, total * i / partitions - 1);
                if (bound != null && (bounds.isEmpty() || !bounds.get(bounds.size() - 1).equals(bound))) {
                    bounds.add(bound);
                }
            }
            long share = total / (bounds.size() + 1);
            for (int i = 0; i <= bounds.size(); i++) {
                plan.add(new JobPartition(i, i == 0 ? null : bounds.get(i - 1), i == bounds.size() ? null
                        : bounds.get(i), null, 0, i == bounds.size() ? total - share * bounds.size() : share,
                        JobPartition.State.PENDING, null, null));
            }
            try {
                JobCatalog.insert(connection, name, plan);
                connection.commit();
            } catch (SQLException e) {
                // Another worker planned the same job at the same moment: use its plan.
                connection.rollback();
                List<JobPartition> theirs = load();
                if (theirs.isEmpty()) {
                    throw e;
                }
                return theirs;
            }
        }
        return load();
    }

    private KeyTuple keyAt(Connection connection, long offset) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(shape.keyAtOffsetSql())) {
            select.setLong(1, Math.max(0, offset));
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? KeyTuple.read(rows, 1, shape.keyColumns().size()) : null;
            }
        }
    }

    private List<JobPartition> load() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return JobCatalog.partitions(connection, name);
        }
    }

    private static boolean allDone(List<JobPartition> plan) {
        return plan.stream().allMatch(p -> p.state() == JobPartition.State.DONE);
    }

    private void runWorkers(List<JobPartition> plan) throws SQLException {
        int workers = options.workers();
        ExecutorService pool = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "hibernate-ae job " + name);
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                String worker = workers == 1 ? options.workerName() : options.workerName() + "#" + (w + 1);
                int start = w * Math.max(1, plan.size() / workers);
                running.add(pool.submit(() -> {
                    work(worker, plan, start);
                    return null;
                }));
            }
            for (Future<?> future : running) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    failed.set(true);
                    Throwable cause = e.getCause();
                    if (cause instanceof SQLException sql) {
                        throw sql;
                    }
                    if (cause instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new AlwaysEncryptedException("Job " + name + " failed: " + cause, cause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failed.set(true);
                    throw new AlwaysEncryptedException("Job " + name + " was interrupted", e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Claims and walks partitions, starting at {@code start} so that workers spread out, until none is free. */
    private void work(String worker, List<JobPartition> plan, int start) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            for (int i = 0; i < plan.size() && !cancelled(); i++) {
                JobPartition candidate = plan.get((start + i) % plan.size());
                if (candidate.state() == JobPartition.State.DONE) {
                    continue;
                }
                Instant now = clock.instant();
                boolean claimed = JobCatalog.claim(connection, name, candidate.number(), worker, now,
                        now.minus(options.lease()));
                connection.commit();
                if (claimed) {
                    walkPartition(connection, worker, candidate.number());
                }
            }
        }
    }

    private void walkPartition(Connection connection, String worker, int number) throws SQLException {
        JobPartition partition = JobCatalog.partitions(connection, name).stream()
                .filter(p -> p.number() == number).findFirst().orElseThrow();
        connection.commit();
        KeyTuple after = partition.resumeAfter();
        while (!cancelled()) {
            BatchResult batch = null;
            for (int attempt = 1; ; attempt++) {
                try {
                    batch = walker.next(connection, after, partition.upper(), rebuild);
                    boolean done = batch.rows() < walker.batchSize();
                    KeyTuple last = batch.lastKey() != null ? batch.lastKey() : after;
                    if (!JobCatalog.checkpoint(connection, name, number, worker, last, batch.rows(), done,
                            clock.instant())) {
                        connection.rollback();
                        return; // another worker took the partition over (this one was too slow)
                    }
                    connection.commit();
                    break;
                } catch (SQLException e) {
                    connection.rollback();
                    if (attempt >= MAX_ATTEMPTS) {
                        throw new SQLException("Job " + name + " failed " + MAX_ATTEMPTS + " times on a batch of "
                                + shape.table() + " after key " + after + " (SQL state " + e.getSQLState() + "): "
                                + e.getMessage() + ". Fix the cause and run the job again: it resumes here",
                                e.getSQLState(), e);
                    }
                    sleep(Duration.ofMillis(100L * attempt * attempt));
                }
            }
            counters.add(batch, true);
            counters.unreadable(batch.unreadableSamples(), batch.unreadable());
            if (batch.rows() < walker.batchSize()) {
                return;
            }
            after = batch.lastKey();
        }
    }

    /**
     * Walks the whole table until one pass rewrites nothing; the last pass's unreadable values are the ones left.
     *
     * @return true when no unreadable value is left
     */
    private boolean verify() throws SQLException {
        counters.resetUnreadable();
        for (int pass = 1; pass <= MAX_VERIFY_PASSES; pass++) {
            JobCounters passCounters = new JobCounters();
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                KeyTuple after = null;
                while (true) {
                    if (options.cancelled().getAsBoolean()) {
                        return false;
                    }
                    BatchResult batch = walker.next(connection, after, null);
                    connection.commit();
                    passCounters.add(batch, false);
                    passCounters.unreadable(batch.unreadableSamples(), batch.unreadable());
                    if (batch.rows() < walker.batchSize()) {
                        break;
                    }
                    after = batch.lastKey();
                }
            }
            counters.rewritten.add(passCounters.rewritten());
            counters.conflicts.add(passCounters.conflicts());
            if (passCounters.rewritten() == 0 && passCounters.conflicts() == 0) {
                counters.unreadable(passCounters.unreadableSamples(), passCounters.unreadableCount());
                return passCounters.unreadableCount() == 0;
            }
        }
        throw new AlwaysEncryptedException("Job " + name + ": the application keeps writing old-form values into "
                + shape + " after " + MAX_VERIFY_PASSES + " verification passes; is an application still running "
                + "without hibernate-ae's lifecycle polling, or with a poll interval longer than the job's wait?");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AlwaysEncryptedException("Interrupted while waiting", e);
        }
    }
}
