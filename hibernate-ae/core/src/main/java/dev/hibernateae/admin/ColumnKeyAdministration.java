package dev.hibernateae.admin;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.ColumnEncryptionKeyException;
import dev.hibernateae.api.ColumnMasterKeyException;
import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.internal.crypto.CellKey;
import dev.hibernateae.internal.crypto.ColumnKey;
import dev.hibernateae.internal.hibernate.EncryptedAttributeConverter;
import dev.hibernateae.internal.boot.KeyHierarchyService;
import dev.hibernateae.internal.hibernate.EncryptionRuntime;
import dev.hibernateae.internal.keys.ConnectionSource;
import dev.hibernateae.internal.keys.EncryptedValueRow;
import dev.hibernateae.internal.keys.EncryptionKeyRow;
import dev.hibernateae.internal.keys.KeyCatalog;
import dev.hibernateae.internal.keys.KeyCatalogTransaction;
import dev.hibernateae.internal.keys.KeyHierarchy;
import dev.hibernateae.internal.keys.KeyNameBinding;
import dev.hibernateae.internal.keys.KeyTables;
import dev.hibernateae.internal.keys.MasterKeyRow;
import dev.hibernateae.internal.lifecycle.KeyRetirement;
import dev.hibernateae.spi.ColumnMasterKeyProvider;
import dev.hibernateae.spi.RsaColumnMasterKeyProvider;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * Creates, lists and drops the keys in the key tables, the way SQL Server's {@code CREATE COLUMN MASTER KEY},
 * {@code CREATE COLUMN ENCRYPTION KEY} and {@code ALTER COLUMN ENCRYPTION KEY ... ADD/DROP VALUE} do.
 *
 * <ul>
 *   <li>A column master key is only metadata here (provider, key path, enclave flag), signed by the key itself so
 *       that a change to the row is detected.</li>
 *   <li>A column encryption key is 32 random bytes, stored only wrapped by a column master key. It may hold a
 *       second value wrapped by another master key: the primitive for rotating master keys.</li>
 *   <li>Nothing here returns or prints key bytes. Every operation runs in its own transaction.</li>
 * </ul>
 * Master keys are checked exactly as the key ring checks them (trusted paths, metadata signature) before a key is
 * wrapped under them, so a tampered row is never used to wrap a new key.
 *
 * <p>{@code create...} fails when the name is taken; {@code ensure...} creates what is missing and otherwise returns
 * the existing key once it is checked to be the key asked for and authentic (its master key verified, a column
 * encryption key unwrapped and its name binding verified). An existing key that differs is a
 * {@link KeyMismatchException}: nothing is changed, and nothing mismatched is returned. Two processes that ensure the
 * same key at once both end with the one key the database accepted: the primary key of the key tables lets one
 * insert through, and the other reads that key and compares it as if it had been there before.
 */
public final class ColumnKeyAdministration {
    /** SQL Server's limit: a column encryption key has at most two values. */
    public static final int MAX_VALUES = 2;

    private final KeyHierarchy keys;
    private final KeyCatalog catalog;
    private final SecureRandom random = new SecureRandom();
    private final Supplier<? extends Collection<String>> mappedKeys;

    private ColumnKeyAdministration(KeyHierarchy keys, Supplier<? extends Collection<String>> mappedKeys) {
        this.mappedKeys = mappedKeys;
        this.keys = keys;
        this.catalog = keys.catalog();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Records a column master key: signs its metadata with the key (so the key store must hold it, with its private
     * key) and stores provider, path, flag and signature:
     * {@code createColumnMasterKey(ColumnMasterKeySpec.named("cmk1").provider("MSSQL_JAVA_KEYSTORE").keyPath("cmk1"))}.
     *
     * @throws ColumnMasterKeyException if the name is taken, the provider unknown, the path not trusted, or the key
     *         store cannot sign
     */
    public ColumnMasterKeyInfo createColumnMasterKey(ColumnMasterKeySpec spec) {
        MasterKeyRow row = signedMasterKeyRow(spec);
        String name = row.name();
        if (insertUnlessTaken("create column master key '" + name + "'", tx -> tx.findMasterKey(name),
                tx -> tx.insertMasterKey(row)).isPresent()) {
            throw new ColumnMasterKeyException("Column master key '" + name + "' already exists: choose another "
                    + "name, or drop it first; to create it only if it is missing, use ensureColumnMasterKey");
        }
        return KeyInfos.of(row);
    }

    /**
     * Records a column master key, as {@link #createColumnMasterKey(ColumnMasterKeySpec)} does.
     *
     * @deprecated three strings and a boolean in a row are easily swapped, and the boolean is the enclave flag, not
     *             a signing switch (the metadata is always signed): use
     *             {@link #createColumnMasterKey(ColumnMasterKeySpec)} with
     *             {@code ColumnMasterKeySpec.named(name).provider(providerName).keyPath(keyPath)}, adding
     *             {@code .allowEnclaveComputations(true)} where enclaves are wanted
     */
    @Deprecated(forRemoval = true)
    public ColumnMasterKeyInfo createColumnMasterKey(String name, String providerName, String keyPath,
            boolean allowEnclaveComputations) {
        return createColumnMasterKey(ColumnMasterKeySpec.named(name).provider(providerName).keyPath(keyPath)
                .allowEnclaveComputations(allowEnclaveComputations));
    }

    /**
     * Creates the column master key if no key has its name; otherwise returns the existing one, if it is the key
     * {@code spec} describes: same provider and key path (both compared without regard to case, as the metadata
     * signature and the trusted paths compare them) and same enclave flag, and its row verifies (trusted path,
     * metadata signature). For provisioning that runs at every start.
     *
     * @throws KeyMismatchException if a key of that name exists with another provider, path or enclave flag
     * @throws ColumnMasterKeyException if the key cannot be created (see {@link #createColumnMasterKey}), or the
     *         existing row does not verify
     */
    public Provisioned<ColumnMasterKeyInfo> ensureColumnMasterKey(ColumnMasterKeySpec spec) {
        Objects.requireNonNull(spec, "spec");
        String name = spec.name();
        Optional<MasterKeyRow> existing = catalog.inTransaction("read column master key '" + name + "'",
                tx -> tx.findMasterKey(name));
        if (existing.isPresent()) {
            return Provisioned.existing(matching(spec, existing.get()));
        }
        MasterKeyRow row = signedMasterKeyRow(spec);
        Optional<MasterKeyRow> winner = insertUnlessTaken("create column master key '" + name + "'",
                tx -> tx.findMasterKey(name), tx -> tx.insertMasterKey(row));
        if (winner.isPresent()) {
            return Provisioned.existing(matching(spec, winner.get()));
        }
        return Provisioned.created(KeyInfos.of(row));
    }

    /**
     * Creates a column encryption key of 32 bytes from {@link SecureRandom}, wrapped by the named master key.
     *
     * @throws ColumnEncryptionKeyException if the name is taken
     * @throws ColumnMasterKeyException if the master key is missing or fails its checks
     */
    public ColumnEncryptionKeyInfo createColumnEncryptionKey(String name, String columnMasterKeyName) {
        KeyInputs.requireName(name, "column encryption key");
        NewEncryptionKey key = newEncryptionKey(name, masterKey(columnMasterKeyName, name));
        if (insertUnlessTaken("create column encryption key '" + name + "'", tx -> tx.findEncryptionKey(name, false),
                key::insert).isPresent()) {
            throw new ColumnEncryptionKeyException("Column encryption key '" + name + "' already exists: choose "
                    + "another name, or drop it first (only if no data is encrypted under it); to create it only if "
                    + "it is missing, use ensureColumnEncryptionKey");
        }
        return encryptionKey(name);
    }

    /**
     * Creates the column encryption key if no key has its name, as {@link #createColumnEncryptionKey} does;
     * otherwise returns the existing one, if a value of it is wrapped by {@code columnMasterKeyName} (during a master
     * key rotation a key has two values, and either master key matches) and that value is authentic: the master key
     * verifies, the value unwraps, and the key is the one created under this name. For provisioning that runs at
     * every start.
     *
     * @throws KeyMismatchException if a key of that name exists and {@code columnMasterKeyName} wraps none of its
     *         values
     * @throws ColumnMasterKeyException if the master key is missing or fails its checks
     * @throws ColumnEncryptionKeyException if the existing key does not unwrap or is not bound to its name
     */
    public Provisioned<ColumnEncryptionKeyInfo> ensureColumnEncryptionKey(String name, String columnMasterKeyName) {
        KeyInputs.requireName(name, "column encryption key");
        KeyInputs.requireName(columnMasterKeyName, "column master key");
        Optional<EncryptionKeyRow> existing = catalog.inTransaction("read column encryption key '" + name + "'",
                tx -> tx.findEncryptionKey(name, false));
        if (existing.isPresent()) {
            return Provisioned.existing(matching(existing.get(), columnMasterKeyName));
        }
        NewEncryptionKey key = newEncryptionKey(name, masterKey(columnMasterKeyName, name));
        Optional<EncryptionKeyRow> winner = insertUnlessTaken("create column encryption key '" + name + "'",
                tx -> tx.findEncryptionKey(name, false), key::insert);
        if (winner.isPresent()) {
            return Provisioned.existing(matching(winner.get(), columnMasterKeyName));
        }
        return Provisioned.created(encryptionKey(name));
    }

    /**
     * Adds a value to a column encryption key, wrapped by another master key: the key is unwrapped with a current
     * value (whose master key must pass the checks) and wrapped again. Once the application can reach the new master
     * key, the old value can be removed with {@link #removeColumnEncryptionKeyValue}.
     */
    public ColumnEncryptionKeyInfo addColumnEncryptionKeyValue(String encryptionKeyName, String columnMasterKeyName) {
        EncryptionKeyRow key = encryptionKeyRow(encryptionKeyName);
        requireRoomForValue(key, columnMasterKeyName);
        MasterKeyRow masterKey = masterKey(columnMasterKeyName, encryptionKeyName);
        byte[] rootKey = keys.unwrapper().unwrap(key);
        byte[] encrypted;
        try {
            encrypted = wrap(encryptionKeyName, masterKey, rootKey);
        } finally {
            Arrays.fill(rootKey, (byte) 0);
        }
        catalog.inTransaction("add a value to column encryption key '" + encryptionKeyName + "'", tx -> {
            EncryptionKeyRow locked = tx.findEncryptionKey(encryptionKeyName, true)
                    .orElseThrow(() -> missingEncryptionKey(encryptionKeyName));
            requireRoomForValue(locked, columnMasterKeyName);
            tx.insertValue(encryptionKeyName, masterKey.name(), RsaColumnMasterKeyProvider.RSA_OAEP, encrypted, now());
            return null;
        });
        return encryptionKey(encryptionKeyName);
    }

    /** Removes the value wrapped by {@code columnMasterKeyName}; the key's last value cannot be removed. */
    public ColumnEncryptionKeyInfo removeColumnEncryptionKeyValue(String encryptionKeyName,
            String columnMasterKeyName) {
        catalog.inTransaction("remove a value of column encryption key '" + encryptionKeyName + "'", tx -> {
            EncryptionKeyRow key = tx.findEncryptionKey(encryptionKeyName, true)
                    .orElseThrow(() -> missingEncryptionKey(encryptionKeyName));
            boolean present = key.values().stream().anyMatch(v -> v.masterKey().name().equals(columnMasterKeyName));
            if (!present) {
                throw new ColumnEncryptionKeyException("Column encryption key '" + encryptionKeyName + "' has no "
                        + "value wrapped by column master key '" + columnMasterKeyName + "'; its values are wrapped "
                        + "by " + masterKeyNames(key));
            }
            if (key.values().size() == 1) {
                throw new ColumnEncryptionKeyException("Column encryption key '" + encryptionKeyName + "' has only "
                        + "the value wrapped by column master key '" + columnMasterKeyName + "'; removing it would "
                        + "lose the key. Add a value for another master key first");
            }
            tx.deleteValue(encryptionKeyName, columnMasterKeyName);
            return null;
        });
        return encryptionKey(encryptionKeyName);
    }

    public List<ColumnMasterKeyInfo> listColumnMasterKeys() {
        return catalog.inTransaction("list column master keys", tx -> tx.masterKeys())
                .stream().map(KeyInfos::of).toList();
    }

    public List<ColumnEncryptionKeyInfo> listColumnEncryptionKeys() {
        return catalog.inTransaction("list column encryption keys", tx -> tx.encryptionKeys())
                .stream().map(KeyInfos::of).toList();
    }

    /** The named column encryption key, or an error saying it does not exist. */
    public ColumnEncryptionKeyInfo encryptionKey(String name) {
        return KeyInfos.of(encryptionKeyRow(name));
    }

    /**
     * Drops a column encryption key and its values, unless something still needs it. Data encrypted under it can
     * never be read again, so the drop is refused while anything needs the key: a key name that writes with it (one
     * that attributes use and never rotated, or a rotation's target), a rotation from or to it that is still running,
     * a lifecycle record authenticated with it, or a cell under it in a column applications registered (every value
     * is checked). After a completed rotation, the key rotated from can be dropped.
     *
     * @param keysInUse the key names that mapped attributes refer to ({@code @Encrypted(key = ...)}); the key names
     *        applications registered count as well
     * @throws ColumnEncryptionKeyException naming what still needs the key, or if it does not exist
     */
    public void dropColumnEncryptionKey(String name, Supplier<? extends Collection<String>> keysInUse) {
        Objects.requireNonNull(keysInUse, "keysInUse");
        drop(name, keysInUse);
    }

    /**
     * Drops a column encryption key unless something still needs it (see
     * {@link #dropColumnEncryptionKey(String, Supplier)}), with the key names that the {@code @Encrypted} attributes
     * of the session factory this administration was built from use; built from a data source, with the key names
     * applications registered.
     */
    public void dropColumnEncryptionKey(String name) {
        drop(name, mappedKeys == null ? List::of : mappedKeys);
    }

    /**
     * Drops a column encryption key and its values whatever still needs it: data encrypted under it becomes
     * unreadable for good. Only for keys whose data is disposable.
     *
     * @throws ColumnEncryptionKeyException if it does not exist
     */
    public void forceDropColumnEncryptionKey(String name) {
        drop(name, null);
    }

    /**
     * @deprecated a positional {@code true} here destroys data: use {@link #dropColumnEncryptionKey(String, Supplier)},
     *             or {@link #forceDropColumnEncryptionKey(String)} for a forced drop
     */
    @Deprecated(forRemoval = true)
    public void dropColumnEncryptionKey(String name, Supplier<? extends Collection<String>> keysInUse,
            boolean force) {
        Objects.requireNonNull(keysInUse, "keysInUse");
        if (force) {
            forceDropColumnEncryptionKey(name);
        } else {
            dropColumnEncryptionKey(name, keysInUse);
        }
    }

    /**
     * @deprecated a positional {@code true} here destroys data: use {@link #dropColumnEncryptionKey(String)}, or
     *             {@link #forceDropColumnEncryptionKey(String)} for a forced drop
     */
    @Deprecated(forRemoval = true)
    public void dropColumnEncryptionKey(String name, boolean force) {
        if (force) {
            forceDropColumnEncryptionKey(name);
        } else {
            dropColumnEncryptionKey(name);
        }
    }

    /** Drops the key; with {@code keysInUse} (null: forced) only if nothing needs it. */
    private void drop(String name, Supplier<? extends Collection<String>> keysInUse) {
        catalog.inTransaction("drop column encryption key '" + name + "'", tx -> {
            if (keysInUse != null) {
                Collection<String> inUse = keysInUse.get();
                List<String> obstacles = KeyRetirement.obstacles(tx.connection(), keys.keyRing(), name,
                        inUse == null ? List.of() : inUse);
                if (!obstacles.isEmpty()) {
                    throw new ColumnEncryptionKeyException("Column encryption key '" + name + "' is still needed: "
                            + String.join("; ", obstacles) + ". Dropping it would make data unreadable for good; "
                            + "rotate away from it first (rotate-cek), or force the drop if that data is disposable");
                }
            }
            if (!tx.deleteEncryptionKey(name)) {
                throw missingEncryptionKey(name);
            }
            return null;
        });
    }

    /**
     * The names of the column encryption keys made by hibernate-ae 0.1, which carry no binding of their name
     * ({@link KeyNameBinding}): the key ring refuses them until {@link #bindLegacyKeyNames()} binds them.
     */
    public List<String> listLegacyKeyNames() {
        return catalog.inTransaction("list column encryption keys without a name binding",
                tx -> tx.encryptionKeys().stream().filter(key -> key.nameTag() == null)
                        .map(EncryptionKeyRow::name).toList());
    }

    /**
     * Binds each column encryption key made by hibernate-ae 0.1 to its name: unwraps it (its master key checked as
     * always) and stores the binding. Whoever calls this vouches that each key stored under each name is the right
     * one, so read {@link #listLegacyKeyNames()} first.
     *
     * @return the names of the keys bound
     */
    public List<String> bindLegacyKeyNames() {
        List<String> unbound = listLegacyKeyNames();
        for (String name : unbound) {
            EncryptionKeyRow row = encryptionKeyRow(name);
            ColumnKey key = ColumnKey.deriveAndZero(keys.unwrapper().unwrap(row));
            byte[] nameTag;
            try {
                nameTag = KeyNameBinding.tag(key, name);
            } finally {
                key.destroy();
            }
            catalog.inTransaction("bind the name of column encryption key '" + name + "'", tx -> {
                tx.bindName(name, nameTag);
                return null;
            });
        }
        return unbound;
    }

    /**
     * @deprecated a positional boolean decides whether keys are vouched for: use {@link #listLegacyKeyNames()} to
     *             list them, and {@link #bindLegacyKeyNames()} to bind them
     */
    @Deprecated(forRemoval = true)
    public List<String> bindLegacyKeyNames(boolean apply) {
        return apply ? bindLegacyKeyNames() : listLegacyKeyNames();
    }

    /** Drops column master key metadata that no column encryption key value uses any more. */
    public void dropColumnMasterKey(String name) {
        catalog.inTransaction("drop column master key '" + name + "'", tx -> {
            List<String> users = tx.encryptionKeysUsing(name);
            if (!users.isEmpty()) {
                throw new ColumnMasterKeyException("Column master key '" + name + "' still wraps column encryption "
                        + "keys " + users + ": add a value for another master key and remove this one "
                        + "(removeColumnEncryptionKeyValue), or drop those keys, first");
            }
            if (!tx.deleteMasterKey(name)) {
                throw new ColumnMasterKeyException("Column master key '" + name + "' does not exist in "
                        + KeyTables.MASTER_KEYS);
            }
            return null;
        });
    }

    /** Checks {@code spec} against the settings and the key store, and signs its metadata; writes nothing. */
    private MasterKeyRow signedMasterKeyRow(ColumnMasterKeySpec spec) {
        Objects.requireNonNull(spec, "spec");
        String name = spec.name();
        String keyPath = spec.keyPath();
        if (!keys.verifier().trustedPaths().isTrusted(keyPath)) {
            throw new ColumnMasterKeyException("Column master key '" + name + "' has key path '" + keyPath + "', "
                    + "which setting " + EncryptionSettings.TRUSTED_MASTER_KEY_PATHS + " does not list: add the "
                    + "path there first, or the application would refuse every key wrapped by it");
        }
        ColumnMasterKeyProvider provider;
        try {
            provider = keys.providers().provider(spec.providerName());
        } catch (ColumnMasterKeyException e) {
            throw new ColumnMasterKeyException("Column master key '" + name + "' cannot be created: "
                    + e.getMessage(), e);
        }
        byte[] signature;
        try {
            signature = provider.signColumnMasterKeyMetadata(keyPath, spec.enclaveComputationsAllowed());
        } catch (AlwaysEncryptedException e) {
            throw new ColumnMasterKeyException("Column master key '" + name + "' cannot be created: provider "
                    + provider.name() + " could not sign its metadata with key path '" + keyPath + "': "
                    + e.getMessage(), e);
        }
        return new MasterKeyRow(name, provider.name(), keyPath, spec.enclaveComputationsAllowed(), signature, now());
    }

    /**
     * The existing master key row as returned, once it is the key {@code spec} describes and verifies.
     *
     * @throws KeyMismatchException naming every field that differs
     */
    private ColumnMasterKeyInfo matching(ColumnMasterKeySpec spec, MasterKeyRow row) {
        List<String> fields = new ArrayList<>();
        List<String> found = new ArrayList<>();
        if (!sameIgnoringCase(row.providerName(), spec.providerName().strip())) {
            fields.add(KeyMismatchException.PROVIDER);
            found.add("provider " + row.providerName() + " (asked: " + spec.providerName() + ")");
        }
        if (!sameIgnoringCase(row.keyPath(), spec.keyPath())) {
            fields.add(KeyMismatchException.KEY_PATH);
            found.add("key path '" + row.keyPath() + "' (asked: '" + spec.keyPath() + "')");
        }
        if (row.allowEnclaveComputations() != spec.enclaveComputationsAllowed()) {
            fields.add(KeyMismatchException.ENCLAVE_COMPUTATIONS);
            found.add("allow enclave computations " + row.allowEnclaveComputations() + " (asked: "
                    + spec.enclaveComputationsAllowed() + ")");
        }
        if (!fields.isEmpty()) {
            throw new KeyMismatchException(row.name(), fields, "Column master key '" + row.name() + "' exists, but "
                    + "not as asked: it has " + String.join(", ", found) + ". An existing key is never changed or "
                    + "taken for another. If the key should now be another one, give that key a new name (and move "
                    + "the column encryption keys to it with rotate-cmk); if the request is wrong, correct it to the "
                    + "existing key; if nobody changed this key, its row in " + KeyTables.MASTER_KEYS + " was "
                    + "altered: restore it from a backup");
        }
        keys.verifier().verify(row);
        return KeyInfos.of(row);
    }

    /**
     * The existing column encryption key row as returned, once a value of it is wrapped by {@code masterKeyName},
     * unwraps (after its master key verified) and is bound to the key's name, exactly as the key ring would check
     * it before use.
     *
     * @throws KeyMismatchException when {@code masterKeyName} wraps none of its values
     */
    private ColumnEncryptionKeyInfo matching(EncryptionKeyRow row, String masterKeyName) {
        EncryptedValueRow value = row.values().stream().filter(v -> v.masterKey().name().equals(masterKeyName))
                .findFirst().orElseThrow(() -> new KeyMismatchException(row.name(),
                        List.of(KeyMismatchException.COLUMN_MASTER_KEY), "Column encryption key '" + row.name()
                        + "' exists, but column master key '" + masterKeyName + "' does not wrap it: its values are "
                        + "wrapped by " + masterKeyNames(row) + ". An existing key is never changed or taken for "
                        + "another. To move this key under '" + masterKeyName + "', rotate its master key "
                        + "(rotate-cmk, or KeyLifecycle.startMasterKeyRotation); if the request is wrong, name the "
                        + "master key that wraps it; for a new key under '" + masterKeyName + "', give it another "
                        + "name; if nobody changed this key, its rows in " + KeyTables.ENCRYPTION_KEY_VALUES
                        + " were altered: restore them from a backup"));
        ColumnKey key = ColumnKey.deriveAndZero(keys.unwrapper().unwrap(row.name(), value));
        try {
            KeyNameBinding.require(key, row.name(), row.nameTag());
        } finally {
            key.destroy();
        }
        return KeyInfos.of(row);
    }

    private static boolean sameIgnoringCase(String a, String b) {
        return a.toLowerCase(Locale.ENGLISH).equals(b.toLowerCase(Locale.ENGLISH));
    }

    /** A new column encryption key, wrapped and bound to its name, not yet stored. */
    private NewEncryptionKey newEncryptionKey(String name, MasterKeyRow masterKey) {
        byte[] rootKey = new byte[CellKey.KEY_LENGTH];
        try {
            random.nextBytes(rootKey);
            byte[] encrypted = wrap(name, masterKey, rootKey);
            ColumnKey key = ColumnKey.derive(rootKey);
            byte[] nameTag;
            try {
                nameTag = KeyNameBinding.tag(key, name);
            } finally {
                key.destroy();
            }
            return new NewEncryptionKey(name, masterKey.name(), encrypted, nameTag, now());
        } finally {
            Arrays.fill(rootKey, (byte) 0);
        }
    }

    /** The rows of a new column encryption key: the wrapped value and the name binding, never the key. */
    private record NewEncryptionKey(String name, String masterKeyName, byte[] encrypted, byte[] nameTag,
            Instant created) {
        void insert(KeyCatalogTransaction tx) throws SQLException {
            tx.insertEncryptionKey(name, created, nameTag);
            tx.insertValue(name, masterKeyName, RsaColumnMasterKeyProvider.RSA_OAEP, encrypted, created);
        }
    }

    /** Writes of one new key's rows. */
    @FunctionalInterface
    private interface Insert {
        void run(KeyCatalogTransaction tx) throws SQLException;
    }

    /**
     * Inserts a new key's rows in one transaction unless a key of that name is there. Two processes that provision
     * the same key at once may both find the name free; the primary key then lets one insert through and refuses
     * the other (PostgreSQL and MariaDB hold the second insert until the first transaction ends). The refused one
     * reads the key that won, and its caller compares it as if it had been there all along.
     *
     * @return the key that was there, or that another process inserted first; empty when this call inserted
     */
    private <R> Optional<R> insertUnlessTaken(String operation, KeyCatalog.Work<Optional<R>> find, Insert insert) {
        try {
            return catalog.inTransaction(operation, tx -> {
                Optional<R> taken = find.run(tx);
                if (taken.isEmpty()) {
                    insert.run(tx);
                }
                return taken;
            });
        } catch (AlwaysEncryptedException e) {
            if (!(e.getCause() instanceof SQLException)) {
                throw e;
            }
            Optional<R> winner;
            try {
                winner = catalog.inTransaction(operation + " (reading what is there after the insert failed)", find);
            } catch (RuntimeException again) {
                e.addSuppressed(again);
                throw e;
            }
            if (winner.isEmpty()) {
                throw e;
            }
            return winner;
        }
    }

    private byte[] wrap(String encryptionKeyName, MasterKeyRow masterKey, byte[] rootKey) {
        ColumnMasterKeyProvider provider = keys.verifier().verify(masterKey, encryptionKeyName);
        try {
            return provider.wrapColumnEncryptionKey(masterKey.keyPath(), RsaColumnMasterKeyProvider.RSA_OAEP,
                    rootKey);
        } catch (AlwaysEncryptedException e) {
            throw new ColumnMasterKeyException("Column encryption key '" + encryptionKeyName + "' could not be "
                    + "wrapped with " + masterKey.describe() + ": " + e.getMessage(), e);
        }
    }

    private MasterKeyRow masterKey(String name, String forEncryptionKey) {
        KeyInputs.requireName(name, "column master key");
        return catalog.inTransaction("read column master key '" + name + "'", tx -> tx.findMasterKey(name))
                .orElseThrow(() -> new ColumnMasterKeyException("Column master key '" + name + "', needed for column "
                        + "encryption key '" + forEncryptionKey + "', does not exist in " + KeyTables.MASTER_KEYS
                        + ": create it first (createColumnMasterKey or ensureColumnMasterKey)"));
    }

    private EncryptionKeyRow encryptionKeyRow(String name) {
        KeyInputs.requireName(name, "column encryption key");
        return catalog.inTransaction("read column encryption key '" + name + "'", tx -> tx.findEncryptionKey(name,
                false)).orElseThrow(() -> missingEncryptionKey(name));
    }

    private static void requireRoomForValue(EncryptionKeyRow key, String masterKeyName) {
        if (key.values().stream().anyMatch(v -> v.masterKey().name().equals(masterKeyName))) {
            throw new ColumnEncryptionKeyException("Column encryption key '" + key.name() + "' already has a value "
                    + "wrapped by column master key '" + masterKeyName + "'");
        }
        if (key.values().size() >= MAX_VALUES) {
            throw new ColumnEncryptionKeyException("Column encryption key '" + key.name() + "' already has "
                    + MAX_VALUES + " values (wrapped by " + masterKeyNames(key) + "): remove one first");
        }
    }

    private static List<String> masterKeyNames(EncryptionKeyRow key) {
        return key.values().stream().map(v -> v.masterKey().name()).toList();
    }

    private static ColumnEncryptionKeyException missingEncryptionKey(String name) {
        return new ColumnEncryptionKeyException("Column encryption key '" + name + "' does not exist in "
                + KeyTables.ENCRYPTION_KEYS);
    }

    /** The database keeps microseconds; truncate so what is returned equals what is listed later. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** Where the key tables are and which providers, settings and trusted paths apply. */
    public static final class Builder {
        private final KeyHierarchy.Builder keys = KeyHierarchy.builder();
        private Supplier<? extends Collection<String>> mappedKeys;

        private Builder() {
        }

        /** Reads and writes the key tables through {@code dataSource}. */
        public Builder dataSource(DataSource dataSource) {
            keys.connections(ConnectionSource.of(dataSource));
            return this;
        }

        /**
         * Uses a session factory's connections (its bootstrap connection access, bypassing its persistence unit)
         * and its settings. Each operation commits on its own: called inside a JTA transaction of a factory that
         * coordinates JTA transactions, it suspends that transaction while it works, so the caller's rollback does
         * not undo it.
         */
        public Builder sessionFactory(SessionFactory sessionFactory) {
            SessionFactoryImplementor factory = sessionFactory.unwrap(SessionFactoryImplementor.class);
            keys.connections(ConnectionSource.of(factory.getServiceRegistry()));
            keys.settings(factory.getProperties());
            // Providers and listeners named in the settings load as the session factory's own do.
            KeyHierarchyService hierarchy = factory.getServiceRegistry().getService(KeyHierarchyService.class);
            if (hierarchy != null) {
                hierarchy.applicationClasses().ifPresent(keys::classLoader);
            }
            EncryptionRuntime runtime = factory.getServiceRegistry().getService(EncryptionRuntime.class);
            mappedKeys = () -> runtime == null ? Set.of() : runtime.attributes().stream()
                    .map(converter -> converter.attribute().keyName()).collect(Collectors.toSet());
            return this;
        }

        /** Hibernate settings: providers, keystore settings and trusted master key paths. */
        public Builder settings(Map<String, ?> settings) {
            keys.settings(settings);
            return this;
        }

        /** Registers a provider in code, in addition to those from settings and {@code META-INF/services}. */
        public Builder provider(ColumnMasterKeyProvider provider) {
            keys.provider(provider);
            return this;
        }

        public ColumnKeyAdministration build() {
            return new ColumnKeyAdministration(keys.build(), mappedKeys);
        }
    }
}
