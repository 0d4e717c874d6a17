package dev.hibernateae.cli;

import dev.hibernateae.lifecycle.ColumnRef;
import dev.hibernateae.lifecycle.JobOptions;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/** The options every job command shares, and the columns it processes. */
final class JobFlags {
    static final List<Option> OPTIONS = List.of(
            Option.repeated("column", "TABLE.COLUMN", "a column to process (repeat for more)"),
            Option.repeated("key-columns", "TABLE=COL[,COL]", "the columns identifying the table's rows "
                    + "(default: its primary key)"),
            Option.value("batch-size", "ROWS", "rows per batch and transaction (default 1000)"),
            Option.value("partitions", "N", "key ranges the table is split into when the job is planned "
                    + "(default 8)"),
            Option.value("workers", "N", "threads of this process working partitions (default 1)"),
            Option.value("worker-name", "NAME", "this process's name in the job's partitions (default pid@host); "
                    + "a rerun with the same name takes its partitions back at once"),
            Option.value("wait", "DURATION", "wait after announcing before rewriting, seconds or ISO-8601 (default "
                    + "25 s: more than twice the applications' hibernate.ae.lifecycle.poll_interval)"),
            Option.value("lease", "DURATION", "how long a partition stays with a silent worker (default 60 s)"),
            Option.flag("no-progress", "do not print progress"));

    private JobFlags() {
    }

    static List<ColumnRef> columns(Arguments arguments) {
        List<ColumnRef> columns = columnsIfAny(arguments);
        if (columns.isEmpty()) {
            throw new UsageException("Give at least one --column TABLE.COLUMN");
        }
        return columns;
    }

    /** The --column flags, with their --key-columns; empty when none was given. */
    static List<ColumnRef> columnsIfAny(Arguments arguments) {
        Map<String, List<String>> keys = new HashMap<>();
        for (String spec : arguments.all("key-columns")) {
            int equals = spec.indexOf('=');
            if (equals <= 0 || equals == spec.length() - 1) {
                throw new UsageException("--key-columns needs TABLE=COLUMN[,COLUMN], got '" + spec + "'");
            }
            keys.put(spec.substring(0, equals).trim(), Arrays.stream(spec.substring(equals + 1).split(","))
                    .map(String::trim).toList());
        }
        List<ColumnRef> columns = new ArrayList<>();
        for (String spec : arguments.all("column")) {
            ColumnRef column = ColumnRef.parse(spec);
            columns.add(keys.containsKey(column.table()) ? column.withKeyColumns(keys.get(column.table())) : column);
        }
        return columns;
    }

    static JobOptions options(Arguments arguments, Context context, AtomicBoolean cancelled) {
        JobOptions options = JobOptions.DEFAULTS
                .withBatchSize(arguments.intValue("batch-size", JobOptions.DEFAULTS.batchSize()))
                .withPartitions(arguments.intValue("partitions", JobOptions.DEFAULTS.partitions()))
                .withWorkers(arguments.intValue("workers", JobOptions.DEFAULTS.workers()))
                .withCancelled(cancelled::get);
        if (arguments.value("worker-name") != null) {
            options = options.withWorkerName(arguments.value("worker-name"));
        }
        if (arguments.value("wait") != null) {
            options = options.withWaitBeforeRewrite(duration(arguments, "wait"));
        }
        if (arguments.value("lease") != null) {
            options = options.withLease(duration(arguments, "lease"));
        }
        if (!arguments.flag("no-progress")) {
            options = options.withProgress(new TerminalProgress(context.err, System.console() != null));
        }
        return options;
    }

    private static Duration duration(Arguments arguments, String name) {
        String value = arguments.value(name).trim();
        try {
            return value.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(value)) : Duration.parse(value);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new UsageException("--" + name + " needs seconds or an ISO-8601 duration (PT30S), got '" + value
                    + "'");
        }
    }

    /**
     * Runs {@code job}; on Ctrl-C (or a plain {@code kill}) it asks the job to stop after its current batch and
     * waits a little for it, so the rerun resumes from a fresh checkpoint. A {@code kill -9} is safe too: the batch
     * in flight is rolled back by the database.
     */
    static int runInterruptibly(AtomicBoolean cancelled, java.util.function.IntSupplier job) {
        Object finished = new Object();
        boolean[] done = {false};
        Thread hook = new Thread(() -> {
            cancelled.set(true);
            synchronized (finished) {
                long deadline = System.currentTimeMillis() + 10_000;
                while (!done[0] && System.currentTimeMillis() < deadline) {
                    try {
                        finished.wait(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, "hibernate-ae-cli stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return job.getAsInt();
        } finally {
            synchronized (finished) {
                done[0] = true;
                finished.notifyAll();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it sees done and returns
            }
        }
    }
}
