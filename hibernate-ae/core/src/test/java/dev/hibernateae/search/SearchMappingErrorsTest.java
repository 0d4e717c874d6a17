package dev.hibernateae.search;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.Encrypted;
import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.api.EqualitySearch;
import dev.hibernateae.api.PrefixSearch;
import dev.hibernateae.testing.StaticKeyRing;
import dev.hibernateae.testing.TestDatabase;
import dev.hibernateae.testing.TestSessionFactories;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Searches an attribute cannot support stop the application at startup, naming the attribute and the fix. */
class SearchMappingErrorsTest {

    @Entity(name = "DeterministicEquality")
    static class DeterministicEquality {
        @Id
        Long id;
        @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
        @EqualitySearch
        String ssn;
    }

    @Entity(name = "PrefixOnNumber")
    static class PrefixOnNumber {
        @Id
        Long id;
        @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1")
        @PrefixSearch
        Integer mrn;
    }

    @Entity(name = "SearchWithoutEncryption")
    static class SearchWithoutEncryption {
        @Id
        Long id;
        @PrefixSearch
        String name;
    }

    @Entity(name = "SearchedCollection")
    static class SearchedCollection {
        @Id
        Long id;
        @ElementCollection
        @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1")
        @EqualitySearch
        Set<String> aliases = new HashSet<>();
    }

    @Entity(name = "BadLengths")
    static class BadLengths {
        @Id
        Long id;
        @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1")
        @PrefixSearch(minLength = 4, maxLength = 2)
        String name;
    }

    private static void refused(Class<?> entity, String... fragments) {
        try (TestDatabase.Instance db = TestDatabase.H2.create()) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> TestSessionFactories.build(db,
                    StaticKeyRing.withRandomKeys("cek1"), Map.of(), entity).close());
            String message = allMessages(e);
            for (String fragment : fragments) {
                assertTrue(message.contains(fragment), fragment + " in " + message);
            }
        }
    }

    private static String allMessages(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append(" | ");
        }
        return text.toString();
    }

    @Test
    void schemaValidationReportsAMissingTokenTable() throws Exception {
        try (TestDatabase.Instance db = TestDatabase.H2.create()) {
            StaticKeyRing keys = StaticKeyRing.withRandomKeys("cek1", "cek2");
            TestSessionFactories.build(db, keys, Map.of("hibernate.hbm2ddl.auto", "create"), Person.class).close();
            TestSessionFactories.build(db, keys, Map.of("hibernate.hbm2ddl.auto", "validate"), Person.class).close();
            try (var c = db.connect(); var st = c.createStatement()) {
                st.execute("drop table Person_hae_tokens");
            }
            RuntimeException e = assertThrows(RuntimeException.class, () -> TestSessionFactories.build(db, keys,
                    Map.of("hibernate.hbm2ddl.auto", "validate"), Person.class).close());
            assertTrue(allMessages(e).toLowerCase(java.util.Locale.ROOT).contains("person_hae_tokens"), allMessages(e));
        }
    }

    @Test
    void equalitySearchOnADeterministicAttribute() {
        refused(DeterministicEquality.class, "@EqualitySearch", "ssn", "DETERMINISTIC");
    }

    @Test
    void aTextSearchOnANumber() {
        refused(PrefixOnNumber.class, "String", "mrn");
    }

    @Test
    void aSearchOnAnAttributeThatIsNotEncrypted() {
        refused(SearchWithoutEncryption.class, "SearchWithoutEncryption.name", "@Encrypted");
    }

    @Test
    void aSearchOnACollection() {
        refused(SearchedCollection.class, "@EqualitySearch", "aliases", "collections");
    }

    @Test
    void lengthsThatCannotBeSearched() {
        refused(BadLengths.class, "@PrefixSearch", "name", "minLength");
    }
}
