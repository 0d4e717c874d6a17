package dev.hibernateae.lifecycle;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.ColumnEncryptionKeyException;
import dev.hibernateae.internal.codec.CodecOptions;
import dev.hibernateae.internal.codec.PlaintextCodec;
import dev.hibernateae.internal.codec.PlaintextCodecs;
import dev.hibernateae.internal.crypto.CellKey;
import dev.hibernateae.internal.keys.KeyHierarchy;
import dev.hibernateae.internal.lifecycle.ColumnTransition;
import dev.hibernateae.internal.lifecycle.ColumnTransition.Direction;
import dev.hibernateae.internal.lifecycle.KeyRotation;
import dev.hibernateae.internal.lifecycle.LifecycleRecords;
import dev.hibernateae.internal.lifecycle.PlaintextText;
import dev.hibernateae.internal.lifecycle.job.CellTransform;
import dev.hibernateae.internal.lifecycle.job.DecryptTransform;
import dev.hibernateae.internal.lifecycle.job.EncryptTransform;
import dev.hibernateae.internal.lifecycle.job.LifecycleDatabase;
import dev.hibernateae.internal.lifecycle.job.Waiting;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Encryption in place (plaintext text → cells) or decryption back: announce the columns' transition (phase
 * RUNNING), wait until every application has seen it, rewrite and verify every value, then mark it COMPLETED.
 */
final class InPlaceTransition {
    private final LifecycleDatabase database;
    private final KeyHierarchy keys;
    private final Clock clock;
    private final Direction direction;

    InPlaceTransition(LifecycleDatabase database, KeyHierarchy keys, Clock clock, Direction direction) {
        this.database = database;
        this.keys = keys;
        this.clock = clock;
        this.direction = direction;
    }

    /**
     * @param announceOnly only record the transition (so that applications deployed next read plaintext and
     *        cells), without waiting or rewriting; the job runs later
     */
    JobReport run(String keyName, List<PlaintextColumn> columns, JobOptions options, boolean announceOnly) {
        Instant started = clock.instant();
        if (columns.isEmpty()) {
            throw new AlwaysEncryptedException("Name the columns to " + verb());
        }
        database.ensureTables();
        KeyRotation rotation = database.inTransaction("read the rotation of key name '" + keyName + "'",
                c -> LifecycleRecords.rotation(c, keyName, false).orElse(null));
        if (rotation != null && rotation.rotating()) {
            throw new ColumnEncryptionKeyException("Key name '" + keyName + "' is being rotated to '"
                    + rotation.targetKey() + "': finish the rotation before you " + verb() + " columns under it");
        }
        String physicalKey = rotation == null ? keyName : rotation.targetKey();
        CellKey key = keys.keyRing().cellKey(physicalKey);

        TableJobs jobs = new TableJobs(database, clock);
        for (PlaintextColumn column : columns) {
            jobs.add(column.column(), transform(physicalKey, key, column));
        }
        Instant announced = announceOrJoin(keyName, columns);
        if (announceOnly) {
            return new JobReport("announce: " + verb() + " " + columns.stream().map(c -> c.column().toString())
                    .toList() + " in place under key name '" + keyName + "'", true, 0, 0, 0, 0, 0, 0, List.of(),
                    Duration.between(started, clock.instant()));
        }
        String operation = verb() + " " + columns.stream().map(c -> c.column().toString()).toList()
                + " in place under key name '" + keyName + "' (column encryption key '" + physicalKey + "')";
        if (!Waiting.until(announced.plus(options.waitBeforeRewrite()), operation, options, clock)) {
            return new JobReport(operation, false, 0, 0, 0, 0, 0, 0, List.of(),
                    Duration.between(started, clock.instant()));
        }
        JobReport report = jobs.run(operation, direction.name().toLowerCase(Locale.ROOT) + " " + keyName, options,
                started);
        if (report.completed()) {
            database.inTransaction("complete " + operation, c -> {
                for (PlaintextColumn column : columns) {
                    LifecycleRecords.saveTransition(c, transition(keyName, column, ColumnTransition.Phase.COMPLETED));
                }
                return null;
            });
            jobs.forgetJobs();
        }
        return report;
    }

    private CellTransform transform(String physicalKey, CellKey key, PlaintextColumn column) {
        PlaintextText text = PlaintextText.forType(column.javaType(), column.enumsByOrdinal());
        CodecOptions options = CodecOptions.DEFAULTS.withStringEncoding(column.stringEncoding())
                .withLength(column.length()).withDecimal(column.precision(), column.scale())
                .withFractionalSeconds(column.fractionalSeconds())
                .withEnumMapping(column.enumsByOrdinal() ? CodecOptions.EnumMapping.ORDINAL
                        : CodecOptions.EnumMapping.NAME);
        PlaintextCodec<?> codec = PlaintextCodecs.forType(column.javaType(), options);
        return direction == Direction.ENCRYPT ? new EncryptTransform(physicalKey, key, column.type(), text, codec)
                : new DecryptTransform(physicalKey, key, text, codec);
    }

    private Instant announceOrJoin(String keyName, List<PlaintextColumn> columns) {
        try {
            return announce(keyName, columns);
        } catch (AlwaysEncryptedException e) {
            if (e.getCause() instanceof java.sql.SQLException) {
                // Another worker announced the same columns at the same moment: their rows are there now.
                return announce(keyName, columns);
            }
            throw e;
        }
    }

    /** @return when the columns' transition was (first) announced */
    private Instant announce(String keyName, List<PlaintextColumn> columns) {
        return database.inTransaction("announce: " + verb() + " columns in place", c -> {
            Instant latest = Instant.EPOCH;
            for (PlaintextColumn column : columns) {
                ColumnTransition existing = LifecycleRecords.transition(c, column.column().bareTable(),
                        column.column().column(), true).orElse(null);
                ColumnTransition running;
                if (existing != null && existing.running() && existing.direction() == direction) {
                    running = existing;
                } else if (existing != null && existing.running()) {
                    throw new AlwaysEncryptedException("Column " + column.column() + " is being "
                            + existing.direction().name().toLowerCase(Locale.ROOT) + "ed in place: finish that first");
                } else {
                    running = transition(keyName, column, ColumnTransition.Phase.RUNNING);
                    LifecycleRecords.saveTransition(c, running);
                }
                latest = running.changedAt().isAfter(latest) ? running.changedAt() : latest;
            }
            return latest;
        });
    }

    private ColumnTransition transition(String keyName, PlaintextColumn column, ColumnTransition.Phase phase) {
        return new ColumnTransition(column.column().bareTable(), column.column().column(), direction, keyName,
                column.type(), phase, clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    private String verb() {
        return direction == Direction.ENCRYPT ? "encrypt" : "decrypt";
    }
}
