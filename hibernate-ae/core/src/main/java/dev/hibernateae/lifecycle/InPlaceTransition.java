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
import dev.hibernateae.internal.lifecycle.ColumnTransition.Phase;
import dev.hibernateae.internal.lifecycle.KeyRotation;
import dev.hibernateae.internal.lifecycle.PlaintextText;
import dev.hibernateae.internal.lifecycle.RecordJournal;
import dev.hibernateae.internal.lifecycle.job.CellTransform;
import dev.hibernateae.internal.lifecycle.job.DecryptTransform;
import dev.hibernateae.internal.lifecycle.job.EncryptTransform;
import dev.hibernateae.internal.lifecycle.job.LifecycleDatabase;
import dev.hibernateae.internal.lifecycle.job.TokenKeyPlan;
import dev.hibernateae.internal.lifecycle.job.TokenTableCheck;
import dev.hibernateae.internal.lifecycle.job.Waiting;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Encryption in place (plaintext text → cells) or decryption back, in phases that each start only once every
 * application has seen the one before. Encryption: announce (RUNNING: applications configured for the column read
 * both forms and write cells), wait, rewrite and verify every value, complete. Decryption: announce (ANNOUNCED:
 * configured applications read and match both forms, still write cells), wait, switch (RUNNING: they write
 * plaintext), wait, rewrite and verify, complete. Records are authenticated with the key of the column's cells;
 * applications follow them only for columns their own settings name.
 */
final class InPlaceTransition {
    private final LifecycleDatabase database;
    private final KeyHierarchy keys;
    private final RecordJournal journal;
    private final Clock clock;
    private final Direction direction;

    InPlaceTransition(LifecycleDatabase database, KeyHierarchy keys, Clock clock, Direction direction) {
        this.database = database;
        this.keys = keys;
        this.journal = new RecordJournal(keys.keyRing());
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
                c -> journal.rotation(c, keyName, false).orElse(null));
        if (rotation != null && rotation.rotating()) {
            throw new ColumnEncryptionKeyException("Key name '" + keyName + "' is being rotated to '"
                    + rotation.targetKey() + "': finish the rotation before you " + verb() + " columns under it");
        }
        String physicalKey = rotation == null ? keyName : rotation.targetKey();
        CellKey key = keys.keyRing().cellKey(physicalKey);

        // Encryption derives tokens under the key the cells are written under; decryption derives none.
        TableJobs jobs = new TableJobs(database, clock, new TokenTableCheck.Operation(keyName,
                direction == Direction.ENCRYPT ? new TokenKeyPlan.Choice(physicalKey, List.of(physicalKey)) : null),
                keys);
        for (PlaintextColumn column : columns) {
            jobs.add(column.column(), transform(physicalKey, key, column));
        }
        jobs.prepare();
        Phase first = direction == Direction.ENCRYPT ? Phase.RUNNING : Phase.ANNOUNCED;
        Instant announced = announceOrJoin(keyName, physicalKey, columns, first);
        String columnNames = columns.stream().map(c -> c.column().toString()).toList().toString();
        if (announceOnly) {
            return JobReport.nothingToDo("announce: " + verb() + " " + columnNames + " in place under key name '"
                    + keyName + "'", Duration.between(started, clock.instant()));
        }
        String operation = verb() + " " + columnNames + " in place under key name '" + keyName
                + "' (column encryption key '" + physicalKey + "')";
        if (!Waiting.until(announced.plus(options.waitBeforeRewrite()), operation, options, clock)) {
            return JobReport.cancelled(operation, Duration.between(started, clock.instant()));
        }
        if (direction == Direction.DECRYPT) {
            Instant switched = advance(columns, Phase.RUNNING);
            if (!Waiting.until(switched.plus(options.waitBeforeRewrite()), operation, options, clock)) {
                return JobReport.cancelled(operation, Duration.between(started, clock.instant()));
            }
        }
        JobReport report = jobs.run(operation, direction.name().toLowerCase(Locale.ROOT) + " " + keyName, options,
                started);
        if (report.completed()) {
            advance(columns, Phase.COMPLETED);
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

    private Instant announceOrJoin(String keyName, String physicalKey, List<PlaintextColumn> columns, Phase first) {
        try {
            return announce(keyName, physicalKey, columns, first);
        } catch (AlwaysEncryptedException e) {
            if (e.getCause() instanceof java.sql.SQLException) {
                // Another worker announced the same columns at the same moment: their rows are there now.
                return announce(keyName, physicalKey, columns, first);
            }
            throw e;
        }
    }

    /** @return when the columns' transition was (first) announced */
    private Instant announce(String keyName, String physicalKey, List<PlaintextColumn> columns, Phase first) {
        return database.inTransaction("announce: " + verb() + " columns in place", c -> {
            Instant latest = Instant.EPOCH;
            for (PlaintextColumn column : columns) {
                ColumnTransition existing = journal.transition(c, column.column().bareTable(),
                        column.column().column(), true).orElse(null);
                ColumnTransition running;
                if (existing != null && existing.running() && existing.direction() == direction) {
                    running = existing;
                } else if (existing != null && existing.running()) {
                    throw new AlwaysEncryptedException("Column " + column.column() + " is being "
                            + existing.direction().name().toLowerCase(Locale.ROOT) + "ed in place: finish that first");
                } else {
                    running = new ColumnTransition(column.column().bareTable(), column.column().column(), direction,
                            keyName, physicalKey, column.type(), first, now(),
                            existing == null ? 1 : existing.revision() + 1);
                    journal.save(c, running);
                }
                latest = running.changedAt().isAfter(latest) ? running.changedAt() : latest;
            }
            return latest;
        });
    }

    /** Moves every column's transition to {@code phase} (those not there yet); returns when the last one moved. */
    private Instant advance(List<PlaintextColumn> columns, Phase phase) {
        return database.inTransaction(verb() + " in place: move to " + phase, c -> {
            Instant latest = Instant.EPOCH;
            for (PlaintextColumn column : columns) {
                ColumnTransition stored = journal.transition(c, column.column().bareTable(), column.column().column(),
                        true).orElseThrow(() -> new AlwaysEncryptedException("The transition of column "
                                + column.column() + " disappeared from the database while its job ran: restore it, "
                                + "then run the command again"));
                ColumnTransition next = stored;
                if (stored.phase().compareTo(phase) < 0) {
                    next = stored.advancedTo(phase, now());
                    journal.save(c, next);
                }
                latest = next.changedAt().isAfter(latest) ? next.changedAt() : latest;
            }
            return latest;
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private String verb() {
        return direction == Direction.ENCRYPT ? "encrypt" : "decrypt";
    }
}
