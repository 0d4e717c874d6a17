package dev.hibernateae.lifecycle;

import dev.hibernateae.api.ColumnEncryptionKeyException;
import dev.hibernateae.internal.crypto.CellKey;
import dev.hibernateae.internal.keys.KeyHierarchy;
import dev.hibernateae.internal.lifecycle.ColumnTransition;
import dev.hibernateae.internal.lifecycle.KeyRotation;
import dev.hibernateae.internal.lifecycle.RecordJournal;
import dev.hibernateae.internal.lifecycle.job.LifecycleDatabase;
import dev.hibernateae.internal.lifecycle.job.RotateTransform;
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
 * A column encryption key rotation, in phases that each start only once every application has seen the one
 * before, so that no application ever misses a row: announce (applications read and match both keys, still write
 * the source), wait, switch (they write the target), wait, re-encrypt and verify every value of the columns, then
 * complete (they match the target only). Every record it writes is authenticated with the target key; every record
 * it reads is verified first.
 */
final class EncryptionKeyRotation {
    private final LifecycleDatabase database;
    private final KeyHierarchy keys;
    private final RecordJournal journal;
    private final Clock clock;

    EncryptionKeyRotation(LifecycleDatabase database, KeyHierarchy keys, Clock clock) {
        this.database = database;
        this.keys = keys;
        this.journal = new RecordJournal(keys.keyRing());
        this.clock = clock;
    }

    JobReport run(String keyName, String targetKey, List<ColumnRef> columns, JobOptions options) {
        Instant started = clock.instant();
        if (columns.isEmpty()) {
            throw new ColumnEncryptionKeyException("No column to re-encrypt under key name '" + keyName + "': no "
                    + "application registered one, and none was named. Start an application that maps "
                    + "@Encrypted(key = \"" + keyName + "\") once, or name its columns");
        }
        database.ensureTables();
        KeyRotation current = database.inTransaction("read the rotation of key name '" + keyName + "'",
                c -> journal.rotation(c, keyName, false).orElse(null));
        if (current != null && !current.rotating() && current.targetKey().equals(targetKey)) {
            TableJobs jobs = new TableJobs(database, clock, null, keys);
            // Completed already (a rerun after a crash between completing and cleaning up): nothing to rewrite.
            columns.forEach(column -> jobs.add(column, null));
            jobs.forgetJobs(jobName(keyName, current.sourceKey(), targetKey));
            return JobReport.nothingToDo("rotate key name '" + keyName + "' to column encryption key '" + targetKey
                    + "' (already completed)", Duration.between(started, clock.instant()));
        }
        String source = sourceOf(keyName, targetKey, current);
        // Tokens are derived under the target, which applications write under from the switch on.
        TableJobs jobs = new TableJobs(database, clock, new TokenTableCheck.Operation(keyName,
                new TokenKeyPlan.Choice(targetKey, List.of(targetKey, source))), keys);
        // Everything the job needs is checked before anything is announced: both keys, every table and column.
        CellKey sourceKey = keys.keyRing().cellKey(source);
        CellKey target = keys.keyRing().cellKey(targetKey);
        RotateTransform transform = new RotateTransform(source, sourceKey, targetKey, target);
        for (ColumnRef column : columns) {
            jobs.add(column, transform);
        }
        jobs.prepare();

        String operation = "rotate key name '" + keyName + "' from column encryption key '" + source + "' to '"
                + targetKey + "'";
        KeyRotation rotation = current != null && current.rotating() ? current : announce(keyName, source, targetKey,
                current);
        if (rotation.phase() == KeyRotation.Phase.ANNOUNCED) {
            if (!Waiting.until(rotation.changedAt().plus(options.waitBeforeRewrite()), operation, options, clock)) {
                return JobReport.cancelled(operation, Duration.between(started, clock.instant()));
            }
            rotation = advance(rotation, KeyRotation.Phase.ROTATING);
        }
        if (!Waiting.until(rotation.changedAt().plus(options.waitBeforeRewrite()), operation, options, clock)) {
            return JobReport.cancelled(operation, Duration.between(started, clock.instant()));
        }
        JobReport report = jobs.run(operation, jobName(keyName, source, targetKey), options, started);
        if (report.completed()) {
            advance(rotation, KeyRotation.Phase.COMPLETED);
            retagTransitions(keyName, source, targetKey);
            jobs.forgetJobs();
        }
        return report;
    }

    /**
     * Transition records of the key name, authenticated with the key rotated from, are authenticated with the new
     * key from now on (their cells are under it now), so that the old key can be dropped.
     */
    private void retagTransitions(String keyName, String source, String target) {
        database.inTransaction("move the transitions of key name '" + keyName + "' to '" + target + "'", c -> {
            for (ColumnTransition transition : journal.transitions(c)) {
                if (transition.keyName().equals(keyName) && transition.encryptionKey().equals(source)) {
                    journal.save(c, transition.underKey(target, now()));
                }
            }
            return null;
        });
    }

    private static String jobName(String keyName, String source, String target) {
        return "rotate " + keyName + " " + source + "->" + target;
    }

    private String sourceOf(String keyName, String targetKey, KeyRotation current) {
        if (current == null) {
            requireDifferent(keyName, targetKey);
            return keyName;
        }
        if (current.rotating()) {
            if (!current.targetKey().equals(targetKey)) {
                throw new ColumnEncryptionKeyException("Key name '" + keyName + "' is being rotated to '"
                        + current.targetKey() + "', not '" + targetKey + "': finish that rotation first (run it "
                        + "again with --to " + current.targetKey() + ")");
            }
            return current.sourceKey();
        }
        requireDifferent(current.targetKey(), targetKey);
        return current.targetKey();
    }

    private static void requireDifferent(String source, String target) {
        if (source.equals(target)) {
            throw new ColumnEncryptionKeyException("Key name already writes with column encryption key '" + target
                    + "': rotate to a new key (create-cek) instead");
        }
    }

    private KeyRotation announce(String keyName, String source, String target, KeyRotation replaced) {
        try {
            return database.inTransaction("announce the rotation of key name '" + keyName + "'", c -> {
                for (ColumnTransition transition : journal.transitions(c)) {
                    if (transition.keyName().equals(keyName) && transition.running()) {
                        throw new ColumnEncryptionKeyException("Column " + transition.table() + "."
                                + transition.column() + " is being "
                                + transition.direction().name().toLowerCase(Locale.ROOT) + "ed in place under key "
                                + "name '" + keyName + "': finish that first");
                    }
                }
                KeyRotation rotation = new KeyRotation(keyName, source, target, KeyRotation.Phase.ANNOUNCED, now(),
                        replaced == null ? 1 : replaced.revision() + 1);
                journal.save(c, rotation);
                return rotation;
            });
        } catch (RuntimeException e) {
            // Another worker announced the same rotation at the same moment: use theirs.
            KeyRotation theirs = database.inTransaction("read the rotation of key name '" + keyName + "'",
                    c -> journal.rotation(c, keyName, false).orElse(null));
            if (theirs != null && theirs.rotating() && theirs.targetKey().equals(target)
                    && theirs.sourceKey().equals(source)) {
                return theirs;
            }
            throw e;
        }
    }

    /** Moves the rotation to {@code phase}, unless another worker already did. */
    private KeyRotation advance(KeyRotation rotation, KeyRotation.Phase phase) {
        return database.inTransaction("move the rotation of key name '" + rotation.keyName() + "' to " + phase, c -> {
            KeyRotation stored = journal.rotation(c, rotation.keyName(), true).orElseThrow(() ->
                    new ColumnEncryptionKeyException("The " + rotation.describe() + " disappeared from the database "
                            + "while its job ran: restore it, then run the command again"));
            if (stored.phase().compareTo(phase) >= 0 && stored.targetKey().equals(rotation.targetKey())) {
                return stored;
            }
            KeyRotation next = stored.advancedTo(phase, now());
            journal.save(c, next);
            return next;
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
