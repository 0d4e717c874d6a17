package dev.hibernateae.internal.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.api.LifecycleRecordException;
import dev.hibernateae.internal.codec.CodecOptions;
import dev.hibernateae.internal.codec.PlaintextCodecs;
import dev.hibernateae.internal.hibernate.EncryptedAttribute;
import dev.hibernateae.internal.hibernate.SearchOptions;
import dev.hibernateae.internal.keys.KeyTables;
import dev.hibernateae.internal.search.TokenSpec;
import dev.hibernateae.testing.StaticKeyRing;
import dev.hibernateae.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A token spec registration verifies under its tag key, names its table, and is written again by the next
 * registration when an administrator changed its tag or its text; another key cannot verify it. A column
 * registration whose tag was changed is written again too.
 */
class SearchRegistryTest {
    private static final TokenSpec SPEC = new TokenSpec("person", "id", List.of(new TokenSpec.Column("ssn",
            "com.example.Person.ssn", "cek1", EncryptionType.RANDOMIZED, "java.lang.String", CodecOptions.DEFAULTS,
            new SearchOptions(new SearchOptions.Equality(4), null, null, null, null))));

    @Test
    void aRegistrationVerifiesAndATamperedOneIsRefusedThenWrittenAgain() throws Exception {
        StaticKeyRing keys = StaticKeyRing.withRandomKeys("cek1", "cek2");
        try (TestDatabase.Instance db = TestDatabase.H2.create(); Connection c = db.connect()) {
            try (Statement s = c.createStatement()) {
                for (String sql : KeyTables.createStatements(KeyTables.Database.H2)) {
                    s.execute(sql);
                }
            }
            assertTrue(SearchRegistry.register(c, SPEC, "cek1", keys));
            assertFalse(SearchRegistry.register(c, SPEC, "cek1", keys), "the same registration is not written again");
            assertEquals(SPEC, SearchRegistry.verified(c, "PERSON", keys).orElseThrow());
            assertTrue(SearchRegistry.verified(c, "other", keys).isEmpty());

            try (PreparedStatement tamper = c.prepareStatement("update hae_search_tables set tag = ?")) {
                tamper.setBytes(1, new byte[32]);
                tamper.executeUpdate();
            }
            LifecycleRecordException refused = assertThrows(LifecycleRecordException.class,
                    () -> SearchRegistry.verified(c, "person", keys));
            assertTrue(refused.getMessage().contains("does not authenticate"), refused.getMessage());
            assertTrue(SearchRegistry.register(c, SPEC, "cek1", keys), "a tampered registration is written again");
            assertEquals(SPEC, SearchRegistry.verified(c, "person", keys).orElseThrow());

            try (Statement s = c.createStatement()) {
                s.executeUpdate("update hae_search_tables set tag_key = 'cek2'");
            }
            assertThrows(LifecycleRecordException.class, () -> SearchRegistry.verified(c, "person", keys),
                    "a tag made under cek1 does not verify under cek2");
        }
    }

    @Test
    void aColumnRegistrationWhoseTagWasChangedIsWrittenAgain() throws Exception {
        StaticKeyRing keys = StaticKeyRing.withRandomKeys("cek1");
        EncryptedAttribute<String> attribute = new EncryptedAttribute<>("com.example.Person.ssn", "person", "ssn",
                "cek1", EncryptionType.RANDOMIZED, String.class, PlaintextCodecs.forType(String.class,
                        CodecOptions.DEFAULTS), CodecOptions.DEFAULTS, false, 100, List.of("id"));
        try (TestDatabase.Instance db = TestDatabase.H2.create(); Connection c = db.connect()) {
            try (Statement s = c.createStatement()) {
                for (String sql : KeyTables.createStatements(KeyTables.Database.H2)) {
                    s.execute(sql);
                }
            }
            assertTrue(ColumnRegistry.register(c, attribute, "cek1", keys));
            assertFalse(ColumnRegistry.register(c, attribute, "cek1", keys));
            try (Statement s = c.createStatement()) {
                s.executeUpdate("update hae_encrypted_columns set tag = X'00'");
            }
            assertThrows(LifecycleRecordException.class, () -> ColumnRegistry.columns(c, "cek1", keys));
            assertTrue(ColumnRegistry.register(c, attribute, "cek1", keys), "written again");
            assertEquals(1, ColumnRegistry.columns(c, "cek1", keys).size());
        }
    }
}
