package dev.hibernateae.lifecycle;

import dev.hibernateae.admin.ColumnEncryptionKeyInfo;
import dev.hibernateae.admin.ColumnKeyAdministration;
import dev.hibernateae.api.ColumnEncryptionKeyException;
import dev.hibernateae.internal.keys.ConnectionSource;
import dev.hibernateae.internal.keys.KeyHierarchy;
import dev.hibernateae.internal.keys.KeyTables;
import dev.hibernateae.internal.lifecycle.ColumnRegistry;
import dev.hibernateae.internal.lifecycle.ColumnTransition;
import dev.hibernateae.internal.lifecycle.KeyRotation;
import dev.hibernateae.internal.lifecycle.LifecycleRecords;
import dev.hibernateae.internal.lifecycle.LifecycleTables;
import dev.hibernateae.internal.lifecycle.RecordJournal;
import dev.hibernateae.internal.lifecycle.StoredRecord;
import dev.hibernateae.internal.lifecycle.job.JobStatusReader;
import dev.hibernateae.internal.lifecycle.job.LifecycleDatabase;
import dev.hibernateae.spi.ColumnMasterKeyProvider;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Rotates keys and moves columns between plaintext and cells, online: what SQL Server's key rotation and Always
 * Encrypted wizards do, for any database hibernate-ae supports. Built on the key administration API and on jobs
 * that rewrite values in batches, resumable, crash-safe and shareable by workers; see {@code docs/lifecycle.md}.
 *
 * <ul>
 *   <li><b>Column master key rotation</b> touches no data: every column encryption key wrapped by the old master
 *       key gets a second value wrapped by the new one ({@link #startMasterKeyRotation}); applications unwrap with
 *       whichever they can reach; once all reach the new one, the old values go ({@link #completeMasterKeyRotation}).
 *       </li>
 *   <li><b>Column encryption key rotation</b> re-encrypts every value of the listed columns
 *       ({@link #rotateEncryptionKey}): announced in the database, so running applications write with the new key
 *       and read and match both until the job has verified every value.</li>
 *   <li><b>Encryption in place</b> turns a column's plaintext into cells ({@link #encryptInPlace}), and back
 *       ({@link #decryptInPlace}).</li>
 * </ul>
 * Nothing here prints or returns key bytes or values.
 */
public final class KeyLifecycle {
    private final LifecycleDatabase database;
    private final KeyHierarchy keys;
    private final ColumnKeyAdministration administration;
    private final Clock clock;

    private KeyLifecycle(Builder builder) {
        this.database = new LifecycleDatabase(Objects.requireNonNull(builder.dataSource, "a DataSource is required"));
        KeyHierarchy.Builder hierarchy = KeyHierarchy.builder().settings(builder.settings)
                .connections(ConnectionSource.of(builder.dataSource));
        ColumnKeyAdministration.Builder admin = ColumnKeyAdministration.builder().dataSource(builder.dataSource)
                .settings(builder.settings);
        for (ColumnMasterKeyProvider provider : builder.providers) {
            hierarchy.provider(provider);
            admin.provider(provider);
        }
        this.keys = hierarchy.build();
        this.administration = admin.build();
        this.clock = builder.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Creating, listing and dropping keys. */
    public ColumnKeyAdministration administration() {
        return administration;
    }

    /** Creates the key and lifecycle tables that are missing (PostgreSQL, MariaDB, H2). */
    public void createTables() {
        database.ensureTables();
    }

    /**
     * Adds to every column encryption key wrapped by {@code from} a value wrapped by {@code to}. Idempotent: keys
     * that already have one are left alone. Applications keep working with either master key.
     *
     * @return the keys as they now are
     */
    public List<ColumnEncryptionKeyInfo> startMasterKeyRotation(String from, String to) {
        return MasterKeyRotation.start(administration, from, to);
    }

    /**
     * Removes the values wrapped by {@code from} from every key that also has one wrapped by {@code to}; refuses
     * while a key would be left without a value. With {@code dropOld}, also drops {@code from}'s metadata.
     */
    public List<ColumnEncryptionKeyInfo> completeMasterKeyRotation(String from, String to, boolean dropOld) {
        return MasterKeyRotation.complete(administration, from, to, dropOld);
    }

    /**
     * Rotates key name {@code keyName} to column encryption key {@code targetKey} (which must exist) and
     * re-encrypts every value of {@code columns}; with no columns given, of every column that applications
     * registered under the key name ({@link #registeredColumns}). Everything is checked before anything is
     * announced. Resumes a rotation to the same target that was interrupted.
     */
    public JobReport rotateEncryptionKey(String keyName, String targetKey, List<ColumnRef> columns,
            JobOptions options) {
        List<ColumnRef> resolved = columns.isEmpty() ? registeredColumns(keyName) : columns;
        return new EncryptionKeyRotation(database, keys, clock).run(keyName, targetKey, resolved, options);
    }

    /**
     * Derives the search tokens of every row of {@code table} again from the values it holds, under each key name's
     * current key, as the table's token spec (registered by the applications that map it) says; cells are left as
     * they are. For rows written around the applications: native SQL, plain JDBC, a partial restore. Online,
     * resumable and verified like the other jobs; refused while a key name of the table is being rotated or a
     * column of it moves between plaintext and cells.
     *
     * @throws dev.hibernateae.api.AlwaysEncryptedException when the table has no token spec or token table, or
     *         when the spec does not authenticate
     */
    public JobReport rebuildSearchTokens(String table, JobOptions options) {
        return new SearchTokenRebuild(database, keys, clock).run(table, options);
    }

    /**
     * The columns applications registered under {@code keyName} ({@code hae_encrypted_columns}, written by every
     * application at startup), each with the columns that identify its table's rows; every registration verified.
     *
     * @throws dev.hibernateae.api.LifecycleRecordException when a registration of that key name does not
     *         authenticate
     */
    public List<ColumnRef> registeredColumns(String keyName) {
        database.ensureTables();
        return database.inTransaction("read the columns registered under key name '" + keyName + "'",
                connection -> ColumnRegistry.columns(connection, keyName, keys.keyRing()).stream()
                        .map(entry -> new ColumnRef(entry.table(), entry.column(), entry.rowKey())).toList());
    }

    /**
     * Encrypts the plaintext of {@code columns} in place under key name {@code keyName}: announces it (if not yet),
     * waits, rewrites and verifies every value, and marks it completed.
     */
    public JobReport encryptInPlace(String keyName, List<PlaintextColumn> columns, JobOptions options) {
        return new InPlaceTransition(database, keys, clock, ColumnTransition.Direction.ENCRYPT)
                .run(keyName, columns, options, false);
    }

    /**
     * Only announces the encryption in place of {@code columns}: applications started after this read their
     * plaintext as well as cells. The step between changing the columns' type and deploying the application with
     * {@code @Encrypted}; {@link #encryptInPlace} then runs the job.
     */
    public JobReport announceEncryptionInPlace(String keyName, List<PlaintextColumn> columns) {
        return new InPlaceTransition(database, keys, clock, ColumnTransition.Direction.ENCRYPT)
                .run(keyName, columns, JobOptions.DEFAULTS, true);
    }

    /** Decrypts the cells of {@code columns} back to plaintext text in place. */
    public JobReport decryptInPlace(String keyName, List<PlaintextColumn> columns, JobOptions options) {
        return new InPlaceTransition(database, keys, clock, ColumnTransition.Direction.DECRYPT)
                .run(keyName, columns, options, false);
    }

    /**
     * Forgets completed decryptions, once the applications run without {@code @Encrypted} on those columns: their
     * records move to phase FORGOTTEN (records are never deleted, so a deleted one stands out).
     */
    public void forgetDecryptedColumns(List<ColumnRef> columns) {
        RecordJournal journal = new RecordJournal(keys.keyRing());
        database.inTransaction("forget decrypted columns", connection -> {
            for (ColumnRef column : columns) {
                ColumnTransition transition = journal.transition(connection, column.bareTable(), column.column(),
                        true).orElse(null);
                if (transition == null || transition.phase() == ColumnTransition.Phase.FORGOTTEN) {
                    continue;
                }
                if (transition.direction() != ColumnTransition.Direction.DECRYPT || transition.running()) {
                    throw new ColumnEncryptionKeyException("Column " + column + " is " + transition.direction()
                            + " " + transition.phase() + ", not a completed decryption; only those can be forgotten");
                }
                journal.save(connection, transition.advancedTo(ColumnTransition.Phase.FORGOTTEN,
                        clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS)));
            }
            return null;
        });
    }

    /**
     * Records written by hibernate-ae 0.1, which had no tag (revision 0 once the tables are upgraded, see
     * {@code docs/lifecycle.md}), and its column encryption keys, whose names were not bound to them: listed, and
     * with {@code apply} authenticated as they stand (revision 1, tagged; names bound).
     * Applications refuse such records until then. Whoever runs this vouches for them, so read the list first: a
     * row the database administrator added would be vouched for too.
     *
     * @return the records found (and, with {@code apply}, authenticated), described
     */
    public List<String> authenticateLegacyRecords(boolean apply) {
        database.upgradeTables();
        List<String> found = new ArrayList<>();
        for (String key : apply ? administration.bindLegacyKeyNames() : administration.listLegacyKeyNames()) {
            found.add(KeyTables.ENCRYPTION_KEYS + ": column encryption key '" + key + "' (no name binding)");
        }
        RecordJournal journal = new RecordJournal(keys.keyRing());
        return database.inTransaction("authenticate the key lifecycle records of hibernate-ae 0.1", connection -> {
            for (StoredRecord<KeyRotation> stored : LifecycleRecords.rotations(connection)) {
                KeyRotation r = stored.record();
                if (r.revision() == 0) {
                    found.add(LifecycleTables.KEY_ROTATIONS + ": " + r.describe());
                    if (apply) {
                        journal.save(connection, new KeyRotation(r.keyName(), r.sourceKey(), r.targetKey(),
                                r.phase(), r.changedAt(), 1));
                    }
                }
            }
            for (StoredRecord<ColumnTransition> stored : LifecycleRecords.transitions(connection)) {
                ColumnTransition t = stored.record();
                if (t.revision() == 0) {
                    found.add(LifecycleTables.COLUMN_TRANSITIONS + ": " + t.describe());
                    if (apply) {
                        journal.save(connection, new ColumnTransition(t.table(), t.column(), t.direction(),
                                t.keyName(), t.encryptionKey(), t.type(), t.phase(), t.changedAt(), 1));
                    }
                }
            }
            return found;
        });
    }

    /** Rotations, transitions (each marked authentic or not) and unfinished jobs. */
    public LifecycleStatus status() {
        database.ensureTables();
        RecordJournal journal = new RecordJournal(keys.keyRing());
        return database.inTransaction("read the key lifecycle status", connection -> {
            List<LifecycleStatus.Rotation> rotations = new ArrayList<>();
            for (StoredRecord<KeyRotation> stored : LifecycleRecords.rotations(connection)) {
                KeyRotation r = stored.record();
                rotations.add(new LifecycleStatus.Rotation(r.keyName(), r.sourceKey(), r.targetKey(),
                        r.phase().name(), r.changedAt(), r.revision(), journal.authentic(stored)));
            }
            List<LifecycleStatus.Transition> transitions = new ArrayList<>();
            for (StoredRecord<ColumnTransition> stored : LifecycleRecords.transitions(connection)) {
                ColumnTransition t = stored.record();
                transitions.add(new LifecycleStatus.Transition(t.table(), t.column(), t.direction().name(),
                        t.keyName(), t.type().name(), t.phase().name(), t.changedAt(), t.revision(),
                        journal.authentic(stored)));
            }
            return new LifecycleStatus(rotations, transitions, JobStatusReader.jobs(connection));
        });
    }

    /** Where the tables are, which settings and master key providers apply. */
    public static final class Builder {
        private DataSource dataSource;
        private Map<String, ?> settings = Map.of();
        private final List<ColumnMasterKeyProvider> providers = new ArrayList<>();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        public Builder dataSource(DataSource value) {
            this.dataSource = Objects.requireNonNull(value, "dataSource");
            return this;
        }

        /** Hibernate settings ({@code hibernate.ae.*}): key store, providers, trusted master key paths. */
        public Builder settings(Map<String, ?> value) {
            this.settings = Objects.requireNonNull(value, "settings");
            return this;
        }

        public Builder provider(ColumnMasterKeyProvider provider) {
            providers.add(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /** The clock announcements and waits use; tests move their own. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public KeyLifecycle build() {
            return new KeyLifecycle(this);
        }
    }
}
