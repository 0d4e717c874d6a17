package dev.hibernateae.lifecycle;

import dev.hibernateae.api.ColumnEncryptionKeyException;
import dev.hibernateae.internal.crypto.CellKey;
import dev.hibernateae.internal.keys.KeyHierarchy;
import dev.hibernateae.internal.lifecycle.ColumnTransition;
import dev.hibernateae.internal.lifecycle.KeyRotation;
import dev.hibernateae.internal.lifecycle.LifecycleRecords;
import dev.hibernateae.internal.lifecycle.job.LifecycleDatabase;
import dev.hibernateae.internal.lifecycle.job.RotateTransform;
import dev.hibernateae.internal.lifecycle.job.Waiting;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A column encryption key rotation: announce (key name → target, phase ROTATING), wait until every application
 * writes with the target, re-encrypt and verify every value of the columns, then mark it COMPLETED.
 */
final class EncryptionKeyRotation {
    private final LifecycleDatabase database;
    private final KeyHierarchy keys;
    private final Clock clock;

    EncryptionKeyRotation(LifecycleDatabase database, KeyHierarchy keys, Clock clock) {
        this.database = database;
        this.keys = keys;
        this.clock = clock;
    }

    JobReport run(String keyName, String targetKey, List<ColumnRef> columns, JobOptions options) {
        Instant started = clock.instant();
        if (columns.isEmpty()) {
            throw new ColumnEncryptionKeyException("Name the columns to re-encrypt: every column of an attribute "
                    + "with @Encrypted(key = \"" + keyName + "\")");
        }
        database.ensureTables();
        KeyRotation current = database.inTransaction("read the rotation of key name '" + keyName + "'",
                c -> LifecycleRecords.rotation(c, keyName, false).orElse(null));
        if (current != null && !current.rotating() && current.targetKey().equals(targetKey)) {
            // Completed already (a rerun after a crash between completing and cleaning up): nothing to rewrite.
            TableJobs leftovers = new TableJobs(database, clock);
            columns.forEach(column -> leftovers.add(column, null));
            leftovers.forgetJobs("rotate " + keyName + " " + current.sourceKey() + "->" + targetKey);
            return new JobReport("rotate key name '" + keyName + "' to column encryption key '" + targetKey
                    + "' (already completed)", true, 0, 0, 0, 0, 0, 0, List.of(),
                    java.time.Duration.between(started, clock.instant()));
        }
        String source = sourceOf(keyName, targetKey, current);
        // Both keys must work here before anything is announced.
        CellKey sourceKey = keys.keyRing().cellKey(source);
        CellKey target = keys.keyRing().cellKey(targetKey);

        KeyRotation rotating = current != null && current.rotating() ? current : announce(keyName, source, targetKey);
        String operation = "rotate key name '" + keyName + "' from column encryption key '" + source + "' to '"
                + targetKey + "'";
        if (!Waiting.until(rotating.changedAt().plus(options.waitBeforeRewrite()), operation, options, clock)) {
            return cancelled(operation, started);
        }
        TableJobs jobs = new TableJobs(database, clock);
        RotateTransform transform = new RotateTransform(source, sourceKey, targetKey, target);
        for (ColumnRef column : columns) {
            jobs.add(column, transform);
        }
        JobReport report = jobs.run(operation, "rotate " + keyName + " " + source + "->" + targetKey, options,
                started);
        if (report.completed()) {
            database.inTransaction("complete the rotation of key name '" + keyName + "'", c -> {
                LifecycleRecords.saveRotation(c, new KeyRotation(keyName, source, targetKey,
                        KeyRotation.Phase.COMPLETED, now()));
                return null;
            });
            jobs.forgetJobs();
        }
        return report;
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

    private KeyRotation announce(String keyName, String source, String target) {
        try {
            return tryAnnounce(keyName, source, target);
        } catch (RuntimeException e) {
            // Another worker announced the same rotation at the same moment (both inserted): use theirs.
            KeyRotation theirs = database.inTransaction("read the rotation of key name '" + keyName + "'",
                    c -> LifecycleRecords.rotation(c, keyName, false).orElse(null));
            if (theirs != null && theirs.rotating() && theirs.targetKey().equals(target)
                    && theirs.sourceKey().equals(source)) {
                return theirs;
            }
            throw e;
        }
    }

    private KeyRotation tryAnnounce(String keyName, String source, String target) {
        return database.inTransaction("announce the rotation of key name '" + keyName + "'", c -> {
            for (ColumnTransition transition : LifecycleRecords.transitions(c)) {
                if (transition.keyName().equals(keyName) && transition.running()) {
                    throw new ColumnEncryptionKeyException("Column " + transition.table() + "." + transition.column()
                            + " is being " + transition.direction().name().toLowerCase(java.util.Locale.ROOT)
                            + "ed in place under key name '" + keyName + "': finish that first");
                }
            }
            KeyRotation rotation = new KeyRotation(keyName, source, target, KeyRotation.Phase.ROTATING, now());
            LifecycleRecords.saveRotation(c, rotation);
            return rotation;
        });
    }

    private JobReport cancelled(String operation, Instant started) {
        return new JobReport(operation, false, 0, 0, 0, 0, 0, 0, List.of(),
                java.time.Duration.between(started, clock.instant()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
