package dev.hibernateae.lifecycle;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.internal.keys.KeyHierarchy;
import dev.hibernateae.internal.lifecycle.RecordJournal;
import dev.hibernateae.internal.lifecycle.job.CellTransform;
import dev.hibernateae.internal.lifecycle.job.JobCounters;
import dev.hibernateae.internal.lifecycle.job.LifecycleDatabase;
import dev.hibernateae.internal.lifecycle.job.TableJob;
import dev.hibernateae.internal.lifecycle.job.TableShape;
import dev.hibernateae.internal.lifecycle.job.TokenRederivation;
import dev.hibernateae.internal.lifecycle.job.TokenTableCheck;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs one job per table over the columns of an operation and adds up what they did. */
final class TableJobs {
    private final LifecycleDatabase database;
    private final Clock clock;
    private final TokenTableCheck.Operation operation;
    private final KeyHierarchy keys;
    private final Map<String, List<ColumnRef>> columnsByTable = new LinkedHashMap<>();
    private final Map<String, List<CellTransform>> transformsByTable = new LinkedHashMap<>();
    private final Map<String, TableShape> shapes = new LinkedHashMap<>();
    private final List<String> jobNames = new ArrayList<>();

    /**
     * @param operation what the jobs do to the keys of their key name, for tables with search tokens
     * @param keys the keys that authenticate lifecycle records and derive tokens
     */
    TableJobs(LifecycleDatabase database, Clock clock, TokenTableCheck.Operation operation, KeyHierarchy keys) {
        this.database = database;
        this.clock = clock;
        this.operation = operation;
        this.keys = keys;
    }

    void add(ColumnRef column, CellTransform transform) {
        columnsByTable.computeIfAbsent(column.table(), t -> new ArrayList<>()).add(column);
        transformsByTable.computeIfAbsent(column.table(), t -> new ArrayList<>()).add(transform);
    }

    /**
     * Checks every table before anything is announced: its key columns are known (the primary key, or those given),
     * the job's statements run on it and, if it has search tokens, its token spec verifies (read again when its job
     * starts, after the applications registered theirs again at the announcement). Idempotent.
     *
     * @throws AlwaysEncryptedException naming the table and what is missing
     */
    void prepare() {
        if (shapes.size() == columnsByTable.size()) {
            return;
        }
        for (Map.Entry<String, List<ColumnRef>> table : columnsByTable.entrySet()) {
            List<ColumnRef> columns = table.getValue();
            TableShape shape = new TableShape(table.getKey(), keyColumns(table.getKey(), columns),
                    columns.stream().map(ColumnRef::column).toList());
            database.inTransaction("check table " + table.getKey() + " for the job", connection -> {
                shape.check(connection);
                return TokenTableCheck.prepare(connection, shape, operation, new RecordJournal(keys.keyRing()),
                        keys.keyRing());
            });
            shapes.put(table.getKey(), shape);
        }
    }

    /**
     * Runs every table's job in turn.
     *
     * @param namePrefix names the operation, e.g. {@code rotate cek1 cek1->cek1_v2}; the table is appended
     * @return the report; {@code completed} when every job ran to the end with nothing unreadable
     */
    JobReport run(String operation, String namePrefix, JobOptions options, Instant started) {
        prepare();
        JobCounters counters = new JobCounters();
        boolean complete = true;
        for (Map.Entry<String, TableShape> table : shapes.entrySet()) {
            TableShape shape = table.getValue();
            String name = truncate(namePrefix + " " + table.getKey());
            jobNames.add(name);
            // Read the token spec again: applications registered theirs at the announcement, after prepare().
            TokenRederivation rederivation = database.inTransaction("read the token spec of " + table.getKey(),
                    connection -> TokenTableCheck.prepare(connection, shape, this.operation,
                            new RecordJournal(keys.keyRing()), keys.keyRing()));
            TableJob job = new TableJob(database.dataSource(), name, shape, transformsByTable.get(table.getKey()),
                    rederivation, this.operation == TokenTableCheck.Operation.REBUILD, options, counters, clock);
            try {
                complete &= job.run();
            } catch (SQLException e) {
                throw new AlwaysEncryptedException("Job '" + name + "' failed (SQL state " + e.getSQLState() + "): "
                        + e.getMessage(), e);
            }
            if (options.cancelled().getAsBoolean()) {
                complete = false;
                break;
            }
        }
        complete &= counters.unreadableCount() == 0;
        return new JobReport(operation, complete, counters.rowsWalked(), counters.rewritten(),
                counters.alreadyDone(), counters.nulls(), counters.conflicts(), counters.unreadableCount(),
                counters.unreadableSamples(), Duration.between(started, clock.instant()));
    }

    /** Forgets the partitions of this operation's jobs, once the operation completed. */
    void forgetJobs() {
        forget(jobNames);
    }

    /** Forgets the partitions the jobs named {@code namePrefix} + table would have, for a rerun of a done operation. */
    void forgetJobs(String namePrefix) {
        forget(columnsByTable.keySet().stream().map(table -> truncate(namePrefix + " " + table)).toList());
    }

    private void forget(List<String> names) {
        database.inTransaction("forget finished job partitions", connection -> {
            for (String name : names) {
                dev.hibernateae.internal.lifecycle.job.JobStatusReader.delete(connection, name);
            }
            return null;
        });
    }

    private List<String> keyColumns(String table, List<ColumnRef> columns) {
        for (ColumnRef column : columns) {
            if (!column.keyColumns().isEmpty()) {
                return column.keyColumns();
            }
        }
        return database.inTransaction("read the primary key of " + table,
                connection -> TableShape.primaryKey(connection, table));
    }

    private static String truncate(String name) {
        return name.length() <= 200 ? name : name.substring(0, 200);
    }
}
