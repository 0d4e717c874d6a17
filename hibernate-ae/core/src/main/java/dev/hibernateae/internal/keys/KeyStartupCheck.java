package dev.hibernateae.internal.keys;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.ColumnEncryptionKeyException;
import dev.hibernateae.api.ColumnMasterKeyException;
import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.internal.config.AeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.SortedMap;

/**
 * The check of {@link EncryptionSettings#STARTUP_CHECK}: a misconfigured key hierarchy stops the application when it
 * starts, naming the setting or the attributes and key to fix, instead of at the first query. In order:
 * <ol>
 *   <li>the keystore of the {@code MSSQL_JAVA_KEYSTORE} provider opens, when any {@code hibernate.ae.keystore.*}
 *       setting is given (file, type, password: the error names the setting). Only while the key tables do not exist
 *       is a keystore file that does not exist yet a warning: no key can need it before there are keys;</li>
 *   <li>the key tables exist: if one is missing, the key check is skipped with a warning naming the missing tables
 *       (a new database, before its keys are created; Hibernate schema generation creates the tables only after
 *       this check);</li>
 *   <li>every key an {@code @Encrypted(key = ...)} attribute names has a row, and loads as every use loads it:
 *       trusted master key path, registered provider, metadata signature, unwrap, name binding. The keys stay in
 *       the key ring's cache, so the first query unwraps nothing. With
 *       {@link EncryptionSettings#UNREADABLE_ATTRIBUTES}{@code =null}, a key that exists but does not load is a
 *       warning: that application is meant to run without it.</li>
 * </ol>
 * Every failing key is reported at once. Messages name keys, master keys, providers, paths and settings, never key
 * bytes or passwords.
 */
public final class KeyStartupCheck {
    private static final System.Logger LOG = System.getLogger(KeyStartupCheck.class.getName());
    private static final String KEYSTORE_PROVIDER = "MSSQL_JAVA_KEYSTORE";
    private static final String TURN_OFF = "Fix it, or set " + EncryptionSettings.STARTUP_CHECK + "=false to start "
            + "anyway (the encrypted attributes concerned then fail when first used)";

    private KeyStartupCheck() {
    }

    /**
     * Runs the check.
     *
     * @param config the settings ({@code hibernate.ae.keystore.*} are looked at)
     * @param attributesByKey for each key name that {@code @Encrypted} attributes use, those attributes as messages
     *        name them ({@code Patient.ssn})
     * @param unreadableAsNull whether {@link EncryptionSettings#UNREADABLE_ATTRIBUTES} is {@code null}
     * @throws AlwaysEncryptedException (a {@link ColumnMasterKeyException} or {@link ColumnEncryptionKeyException}
     *         when the first problem is one) naming every key that cannot be used and what to do
     */
    public static void run(KeyHierarchy keys, AeConfig config, SortedMap<String, List<String>> attributesByKey,
            boolean unreadableAsNull) {
        List<String> missingTables = keys.catalog().missingTables();
        boolean keystoreOpened;
        try {
            keystoreOpened = openKeystore(keys.providers(), config);
        } catch (ColumnMasterKeyException e) {
            Path file = config.keystore().location();
            if (missingTables.isEmpty() || file == null || Files.exists(file)) {
                throw e;
            }
            // Nothing can be wrapped by it yet: the keystore may come with the keys, as in the samples' first run.
            LOG.log(System.Logger.Level.WARNING, "hibernate-ae startup check: keystore file {0} (setting {1}) does "
                    + "not exist. No key needs it yet, as the key tables do not exist either; create it before the "
                    + "first column master key", file.toAbsolutePath(), EncryptionSettings.KEYSTORE_LOCATION);
            keystoreOpened = false;
        }
        if (!missingTables.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "hibernate-ae startup check: the key table(s) {0} do not exist "
                    + "(yet), so column encryption key(s) {1} were not checked{2}. Hibernate schema generation creates "
                    + "the tables (after this check) unless {3}=false, or run the script for your database in {4}; "
                    + "then create the keys before the encrypted attributes are used", String.join(", ", missingTables),
                    describe(attributesByKey), keystoreOpened ? " (the keystore opened)" : "",
                    EncryptionSettings.KEY_TABLES_SCHEMA_GENERATION, KeyTables.DDL_DIRECTORY);
            return;
        }
        Map<String, AlwaysEncryptedException> failures = new LinkedHashMap<>();
        Map<String, Boolean> exists = keys.catalog().inTransaction("check that the column encryption keys exist",
                tx -> {
                    Map<String, Boolean> found = new LinkedHashMap<>();
                    for (String name : attributesByKey.keySet()) {
                        found.put(name, tx.findEncryptionKey(name, false).isPresent());
                    }
                    return found;
                });
        List<String> loaded = new ArrayList<>();
        for (String name : attributesByKey.keySet()) {
            if (!exists.get(name)) {
                failures.put(name, new ColumnEncryptionKeyException("Column encryption key '" + name + "' is not in "
                        + "table " + KeyTables.ENCRYPTION_KEYS + ". Create it (ColumnKeyAdministration."
                        + "createColumnEncryptionKey, or hibernate-ae-cli), or correct the key name in "
                        + "@Encrypted(key = ...)"));
                continue;
            }
            try {
                keys.keyRing().columnKey(name);
                loaded.add(name);
            } catch (AlwaysEncryptedException e) {
                if (unreadableAsNull) {
                    LOG.log(System.Logger.Level.WARNING, "hibernate-ae startup check: column encryption key ''{0}'' "
                            + "cannot be unwrapped here, so {1} load as null ({2}=null): {3}", name,
                            String.join(", ", attributesByKey.get(name)), EncryptionSettings.UNREADABLE_ATTRIBUTES,
                            e.getMessage());
                } else {
                    failures.put(name, e);
                }
            }
        }
        if (!failures.isEmpty()) {
            throw failure(failures, attributesByKey);
        }
        LOG.log(System.Logger.Level.INFO, "hibernate-ae startup check: {0}column encryption key(s) {1} unwrapped{2}",
                keystoreOpened ? "keystore opened; " : "", String.join(", ", loaded),
                keys.keyRing().timeToLive().isZero() ? " (the key cache is off)" : " and cached");
    }

    /** Opens the built-in keystore provider when its settings are given; the error names the setting to fix. */
    private static boolean openKeystore(ProviderRegistry providers, AeConfig config) {
        if (!config.keystore().given() || !providers.contains(KEYSTORE_PROVIDER)) {
            return false;
        }
        try {
            providers.provider(KEYSTORE_PROVIDER);
            return true;
        } catch (ColumnMasterKeyException e) {
            throw new ColumnMasterKeyException("hibernate-ae startup check: the keystore of provider "
                    + KEYSTORE_PROVIDER + " cannot be used: " + e.getMessage() + ". " + TURN_OFF, e);
        }
    }

    private static AlwaysEncryptedException failure(Map<String, AlwaysEncryptedException> failures,
            SortedMap<String, List<String>> attributesByKey) {
        StringBuilder message = new StringBuilder("hibernate-ae startup check: ").append(failures.size() == 1
                ? "a column encryption key" : failures.size() + " column encryption keys")
                .append(" of encrypted attributes cannot be used.");
        failures.forEach((name, e) -> message.append("\n  - Key '").append(name).append("' of ")
                .append(String.join(", ", attributesByKey.get(name))).append(": ").append(e.getMessage()));
        message.append("\n").append(TURN_OFF);
        AlwaysEncryptedException first = failures.values().iterator().next();
        AlwaysEncryptedException all = first instanceof ColumnMasterKeyException
                ? new ColumnMasterKeyException(message.toString(), first)
                : first instanceof ColumnEncryptionKeyException
                ? new ColumnEncryptionKeyException(message.toString(), first)
                : new AlwaysEncryptedException(message.toString(), first);
        failures.values().stream().skip(1).forEach(all::addSuppressed);
        return all;
    }

    private static String describe(SortedMap<String, List<String>> attributesByKey) {
        List<String> parts = new ArrayList<>();
        attributesByKey.forEach((name, attributes) -> parts.add("'" + name + "' (" + String.join(", ", attributes)
                + ")"));
        return String.join(", ", parts);
    }
}
