package dev.hibernateae.admin;

import static dev.hibernateae.testing.keys.KeyFixture.PATH_1;
import static dev.hibernateae.testing.keys.KeyFixture.PATH_2;
import static dev.hibernateae.testing.keys.KeyFixture.PATH_3;
import static dev.hibernateae.testing.keys.KeyFixture.fingerprint;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.ColumnEncryptionKeyException;
import dev.hibernateae.api.ColumnMasterKeyException;
import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.internal.keys.KeyTables;
import dev.hibernateae.testing.keys.KeyFixture;
import dev.hibernateae.testing.keys.KeyTablesDatabase;
import dev.hibernateae.testing.keys.TestRsaProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Creating, listing and dropping keys in the key tables of each database. */
@ParameterizedClass(name = "{0}")
@EnumSource(KeyTables.Database.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ColumnKeyAdministrationTest {
    @Parameter
    KeyTables.Database kind;

    private KeyTablesDatabase database;
    private KeyFixture keys;
    private ColumnKeyAdministration admin;

    @BeforeParameterizedClassInvocation
    void openDatabase() {
        database = KeyTablesDatabase.open(kind);
        database.createKeyTables();
    }

    @AfterParameterizedClassInvocation
    void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void emptyKeyTables() {
        database.clearKeyTables();
        keys = new KeyFixture(database);
        admin = keys.admin;
    }

    @Test
    void theShippedScriptCreatesTheThreeKeyTablesAndCanRunAgain() {
        assertTrue(database.tables().containsAll(List.of(KeyTables.MASTER_KEYS, KeyTables.ENCRYPTION_KEYS,
                KeyTables.ENCRYPTION_KEY_VALUES)), database.tables().toString());
        keys.createKey("cek1", "cmk1", PATH_1);
        database.createKeyTables();
        assertEquals(List.of("cek1"), names(admin.listColumnEncryptionKeys()));
    }

    @Test
    void createdKeysAreListedWithTheirMasterKeysProvidersAndPaths() {
        ColumnMasterKeyInfo created = admin.createColumnMasterKey(ColumnMasterKeySpec.named("cmk1")
                .provider("test_rsa").keyPath(PATH_1).allowEnclaveComputations(true));
        admin.createColumnEncryptionKey("cek1", "cmk1");

        assertEquals(List.of(created), admin.listColumnMasterKeys());
        ColumnMasterKeyInfo listed = admin.listColumnMasterKeys().get(0);
        assertEquals(TestRsaProvider.NAME, listed.providerName(), "stored as the provider spells its name");
        assertEquals(PATH_1, listed.keyPath());
        assertTrue(listed.allowEnclaveComputations());

        List<ColumnEncryptionKeyInfo> encryptionKeys = admin.listColumnEncryptionKeys();
        assertEquals(1, encryptionKeys.size());
        ColumnEncryptionKeyValueInfo value = encryptionKeys.get(0).values().get(0);
        assertEquals("cmk1", value.columnMasterKeyName());
        assertEquals(TestRsaProvider.NAME, value.providerName());
        assertEquals(PATH_1, value.keyPath());
        assertEquals("RSA_OAEP", value.encryptionAlgorithm());
    }

    @Test
    void droppedKeysDisappearFromTheLists() {
        keys.createKey("cek1", "cmk1", PATH_1);
        admin.dropColumnEncryptionKey("cek1", Set::of);
        admin.dropColumnMasterKey("cmk1");
        assertEquals(List.of(), admin.listColumnEncryptionKeys());
        assertEquals(List.of(), admin.listColumnMasterKeys());
    }

    @Test
    void eachCreatedKeyIsThirtyTwoFreshRandomBytes() {
        keys.createKey("cek1", "cmk1", PATH_1);
        admin.createColumnEncryptionKey("cek2", "cmk1");
        var ring = keys.hierarchy(Duration.ofHours(1)).build().keyRing();
        assertFalse(java.util.Arrays.equals(fingerprint(ring.cellKey("cek1")), fingerprint(ring.cellKey("cek2"))));
    }

    @Test
    void keyNamesAreCaseSensitiveOnEveryDatabase() {
        keys.createKey("cek1", "cmk1", PATH_1);
        admin.createColumnEncryptionKey("CEK1", "cmk1");
        assertEquals(List.of("CEK1", "cek1"), names(admin.listColumnEncryptionKeys()).stream().sorted().toList());
    }

    @Test
    void aNameCanBeCreatedOnlyOnce() {
        keys.createKey("cek1", "cmk1", PATH_1);
        ColumnMasterKeyException masterKey = assertThrows(ColumnMasterKeyException.class,
                () -> admin.createColumnMasterKey(ColumnMasterKeySpec.named("cmk1")
                        .provider(TestRsaProvider.NAME).keyPath(PATH_2)));
        assertTrue(masterKey.getMessage().contains("'cmk1' already exists"), masterKey.getMessage());
        ColumnEncryptionKeyException encryptionKey = assertThrows(ColumnEncryptionKeyException.class,
                () -> admin.createColumnEncryptionKey("cek1", "cmk1"));
        assertTrue(encryptionKey.getMessage().contains("'cek1' already exists"), encryptionKey.getMessage());
    }

    @Test
    void droppingAKeyThatMappedAttributesNameIsRefusedUnlessForced() {
        keys.createKey("cek1", "cmk1", PATH_1);
        ColumnEncryptionKeyException refused = assertThrows(ColumnEncryptionKeyException.class,
                () -> admin.dropColumnEncryptionKey("cek1", () -> Set.of("cek1")));
        assertTrue(refused.getMessage().contains("key name 'cek1' writes with it"), refused.getMessage());
        assertEquals(1, admin.listColumnEncryptionKeys().size());

        admin.forceDropColumnEncryptionKey("cek1");
        assertEquals(List.of(), admin.listColumnEncryptionKeys());
    }

    @Test
    void droppingAMasterKeyThatStillWrapsAKeyIsRefused() {
        keys.createKey("cek1", "cmk1", PATH_1);
        ColumnMasterKeyException refused = assertThrows(ColumnMasterKeyException.class,
                () -> admin.dropColumnMasterKey("cmk1"));
        assertTrue(refused.getMessage().contains("still wraps column encryption keys [cek1]"), refused.getMessage());
        assertEquals(1, admin.listColumnMasterKeys().size());
    }

    @Test
    void droppingAKeyThatDoesNotExistIsAnError() {
        assertThrows(ColumnEncryptionKeyException.class, () -> admin.forceDropColumnEncryptionKey("nope"));
        assertThrows(ColumnEncryptionKeyException.class, () -> admin.dropColumnEncryptionKey("nope", Set::of));
        assertThrows(ColumnMasterKeyException.class, () -> admin.dropColumnMasterKey("nope"));
    }

    @Test
    void aSecondValueWrapsTheSameKeyUnderAnotherMasterKey() {
        keys.createKey("cek1", "cmk1", PATH_1);
        byte[] before = fingerprint(keys.hierarchy(Duration.ZERO).build().keyRing().cellKey("cek1"));
        admin.createColumnMasterKey(ColumnMasterKeySpec.named("cmk2").provider(TestRsaProvider.NAME).keyPath(PATH_2));

        ColumnEncryptionKeyInfo rotated = admin.addColumnEncryptionKeyValue("cek1", "cmk2");
        assertEquals(List.of("cmk1", "cmk2"), rotated.columnMasterKeyNames());
        admin.removeColumnEncryptionKeyValue("cek1", "cmk1");
        admin.dropColumnMasterKey("cmk1");

        assertEquals(List.of("cmk2"), admin.encryptionKey("cek1").columnMasterKeyNames());
        byte[] after = fingerprint(keys.hierarchy(Duration.ZERO).build().keyRing().cellKey("cek1"));
        assertArrayEquals(before, after);
    }

    @Test
    void theLastValueOfAKeyCannotBeRemoved() {
        keys.createKey("cek1", "cmk1", PATH_1);
        ColumnEncryptionKeyException refused = assertThrows(ColumnEncryptionKeyException.class,
                () -> admin.removeColumnEncryptionKeyValue("cek1", "cmk1"));
        assertTrue(refused.getMessage().contains("would lose the key"), refused.getMessage());
    }

    @Test
    void aKeyHoldsAtMostTwoValues() {
        keys.createKey("cek1", "cmk1", PATH_1);
        admin.createColumnMasterKey(ColumnMasterKeySpec.named("cmk2").provider(TestRsaProvider.NAME).keyPath(PATH_2));
        admin.createColumnMasterKey(ColumnMasterKeySpec.named("cmk3").provider(TestRsaProvider.NAME).keyPath(PATH_3));
        admin.addColumnEncryptionKeyValue("cek1", "cmk2");
        ColumnEncryptionKeyException refused = assertThrows(ColumnEncryptionKeyException.class,
                () -> admin.addColumnEncryptionKeyValue("cek1", "cmk3"));
        assertTrue(refused.getMessage().contains("already has 2 values"), refused.getMessage());
    }

    @Test
    void aMasterKeyOfAnUnknownProviderCannotBeCreated() {
        ColumnMasterKeyException refused = assertThrows(ColumnMasterKeyException.class,
                () -> admin.createColumnMasterKey(ColumnMasterKeySpec.named("cmk1")
                        .provider("NO_SUCH_STORE").keyPath(PATH_1)));
        assertTrue(refused.getMessage().contains("'cmk1' cannot be created: Unknown column master key provider "
                + "'NO_SUCH_STORE'"), refused.getMessage());
        assertTrue(refused.getMessage().contains(TestRsaProvider.NAME), refused.getMessage());
        assertEquals(List.of(), admin.listColumnMasterKeys());
    }

    @Test
    void aMasterKeyAtAnUntrustedPathCannotBeCreated() {
        ColumnKeyAdministration strict = ColumnKeyAdministration.builder().dataSource(database.dataSource())
                .settings(Map.of(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS, PATH_2)).provider(keys.provider).build();
        ColumnMasterKeyException refused = assertThrows(ColumnMasterKeyException.class,
                () -> strict.createColumnMasterKey(ColumnMasterKeySpec.named("cmk1")
                        .provider(TestRsaProvider.NAME).keyPath(PATH_1)));
        assertTrue(refused.getMessage().contains(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS), refused.getMessage());
        strict.createColumnMasterKey(ColumnMasterKeySpec.named("cmk2").provider(TestRsaProvider.NAME).keyPath(PATH_2));
    }

    @Test
    void aKeyIsNeverWrappedUnderATamperedMasterKey() {
        admin.createColumnMasterKey(ColumnMasterKeySpec.named("cmk1").provider(TestRsaProvider.NAME).keyPath(PATH_1));
        database.update("update " + KeyTables.MASTER_KEYS + " set key_path = ? where name = ?", PATH_2, "cmk1");
        ColumnMasterKeyException refused = assertThrows(ColumnMasterKeyException.class,
                () -> admin.createColumnEncryptionKey("cek1", "cmk1"));
        assertTrue(refused.getMessage().contains("does not verify"), refused.getMessage());
        assertEquals(List.of(), admin.listColumnEncryptionKeys());
    }

    @Test
    void aKeyNeedsAnExistingMasterKey() {
        ColumnMasterKeyException refused = assertThrows(ColumnMasterKeyException.class,
                () -> admin.createColumnEncryptionKey("cek1", "missing-cmk"));
        assertTrue(refused.getMessage().contains("'missing-cmk'"), refused.getMessage());
        assertTrue(refused.getMessage().contains("createColumnMasterKey"), refused.getMessage());
    }

    @Test
    @SuppressWarnings("removal")
    void theDeprecatedPositionalFormsStillDoWhatTheySaid() {
        ColumnMasterKeyInfo created = admin.createColumnMasterKey("cmk1", TestRsaProvider.NAME, PATH_1, true);
        assertEquals(new ColumnMasterKeyInfo("cmk1", TestRsaProvider.NAME, PATH_1, true, created.createdAt()), created,
                "the boolean is the enclave flag");
        admin.createColumnEncryptionKey("cek1", "cmk1");
        admin.createColumnEncryptionKey("cek2", "cmk1");
        assertThrows(ColumnEncryptionKeyException.class,
                () -> admin.dropColumnEncryptionKey("cek1", () -> Set.of("cek1"), false));
        admin.dropColumnEncryptionKey("cek1", () -> Set.of("cek1"), true);
        admin.dropColumnEncryptionKey("cek2", false);
        assertEquals(List.of(), admin.listColumnEncryptionKeys());
        assertEquals(List.of(), admin.bindLegacyKeyNames(false));
    }

    @Test
    void keysMadeBeforeNameBindingAreListedThenBound() {
        keys.createKey("cek1", "cmk1", PATH_1);
        keys.createKey("cek2", "cmk2", PATH_2);
        database.update("update " + KeyTables.ENCRYPTION_KEYS + " set name_tag = null where name = ?", "cek2");
        assertEquals(List.of("cek2"), admin.listLegacyKeyNames());
        assertEquals(List.of("cek2"), admin.listLegacyKeyNames(), "listing binds nothing");
        assertEquals(List.of("cek2"), admin.bindLegacyKeyNames());
        assertEquals(List.of(), admin.listLegacyKeyNames());
        keys.hierarchy(Duration.ZERO).build().keyRing().cellKey("cek2");
    }

    private static List<String> names(List<ColumnEncryptionKeyInfo> keys) {
        return keys.stream().map(ColumnEncryptionKeyInfo::name).toList();
    }
}
