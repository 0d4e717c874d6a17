package dev.hibernateae.internal.lifecycle.job;

import dev.hibernateae.internal.lifecycle.job.CellTransform.Outcome;
import dev.hibernateae.internal.lifecycle.job.CellTransform.Rewrite;
import dev.hibernateae.internal.lifecycle.job.CellTransform.Unreadable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;

/**
 * Reads one batch of rows in key order and rewrites the values the transform changes, each with a compare-and-set
 * update, on the caller's connection and inside the caller's transaction (which also commits the checkpoint).
 */
final class BatchWalker {
    private final TableShape shape;
    private final List<CellTransform> transforms;
    private final int batchSize;
    private final TokenRederivation tokens;
    private final boolean[] searchable;

    /**
     * @param transforms one per column of {@code shape}, in its order
     * @param tokens derives the search tokens of the rows whose searchable cells it rewrote; null when the table
     *        has none
     */
    BatchWalker(TableShape shape, List<CellTransform> transforms, int batchSize, TokenRederivation tokens) {
        if (transforms.size() != shape.columns().size()) {
            throw new IllegalArgumentException("one transform per column of " + shape);
        }
        this.shape = shape;
        this.transforms = List.copyOf(transforms);
        this.batchSize = batchSize;
        this.tokens = tokens;
        this.searchable = tokens == null ? new boolean[shape.columns().size()] : tokens.searchable(shape.columns());
    }

    int batchSize() {
        return batchSize;
    }

    /** The batch after {@code after} (exclusive) up to {@code upTo} (inclusive); either may be null. */
    BatchResult next(Connection connection, KeyTuple after, KeyTuple upTo) throws SQLException {
        return next(connection, after, upTo, false);
    }

    /**
     * As {@link #next(Connection, KeyTuple, KeyTuple)}; with {@code everyRow}, the tokens of every row read are
     * derived again, rewritten or not (a rebuild of the tokens).
     */
    BatchResult next(Connection connection, KeyTuple after, KeyTuple upTo, boolean everyRow) throws SQLException {
        int keys = shape.keyColumns().size();
        List<String> columns = shape.columns();
        List<List<Change>> changes = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            changes.add(new ArrayList<>());
        }
        KeyTuple last = null;
        int rows = 0;
        long alreadyDone = 0;
        long nulls = 0;
        long unreadable = 0;
        List<String> samples = new ArrayList<>();
        Set<KeyTuple> rederive = new LinkedHashSet<>();
        try (PreparedStatement select = connection.prepareStatement(shape.batchSql(after != null, upTo != null,
                batchSize))) {
            int parameter = 1;
            if (after != null) {
                after.bind(select, parameter);
                parameter += after.size();
            }
            if (upTo != null) {
                upTo.bind(select, parameter);
            }
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    KeyTuple key = KeyTuple.read(result, 1, keys);
                    last = key;
                    rows++;
                    if (everyRow) {
                        rederive.add(key);
                    }
                    for (int c = 0; c < columns.size(); c++) {
                        byte[] stored = result.getBytes(keys + 1 + c);
                        if (stored == null) {
                            nulls++;
                            continue;
                        }
                        Outcome outcome = transforms.get(c).apply(stored);
                        if (outcome instanceof Rewrite rewrite) {
                            changes.get(c).add(new Change(key, stored, rewrite.value()));
                            if (searchable[c]) {
                                rederive.add(key);
                            }
                        } else if (outcome instanceof Unreadable why) {
                            unreadable++;
                            if (samples.size() < JobCounters.MAX_SAMPLES) {
                                samples.add(shape.table() + " row " + key + " column " + columns.get(c) + ": "
                                        + why.reason());
                            }
                        } else {
                            alreadyDone++;
                        }
                    }
                }
            }
        }
        long rewritten = 0;
        long conflicts = 0;
        for (int c = 0; c < columns.size(); c++) {
            List<Change> column = changes.get(c);
            if (column.isEmpty()) {
                continue;
            }
            int[] positions = shape.compareAndSetKeyPositions(columns.get(c));
            try (PreparedStatement update = connection.prepareStatement(shape.compareAndSetSql(columns.get(c)))) {
                for (Change change : column) {
                    update.setBytes(1, change.next());
                    change.key().bind(update, 2, positions);
                    update.setBytes(2 + positions.length, change.previous());
                    update.addBatch();
                }
                for (int count : update.executeBatch()) {
                    if (count == 0) {
                        conflicts++;
                    } else if (count > 0 || count == Statement.SUCCESS_NO_INFO) {
                        // SUCCESS_NO_INFO: the driver cannot say; the verification pass finds any value missed.
                        rewritten++;
                    }
                }
            }
        }
        if (!rederive.isEmpty()) {
            // Whatever the compare-and-set updates did: the rows are read again once locked.
            List<String> notDerived = new ArrayList<>();
            tokens.rederive(connection, rederive, notDerived);
            unreadable += notDerived.size();
            for (String why : notDerived) {
                if (samples.size() < JobCounters.MAX_SAMPLES) {
                    samples.add(why);
                }
            }
        }
        return new BatchResult(last, rows, rewritten, alreadyDone, nulls, conflicts, unreadable, samples);
    }

    /** A value to replace, only if it still holds {@code previous}. */
    private record Change(KeyTuple key, byte[] previous, byte[] next) {
    }
}
