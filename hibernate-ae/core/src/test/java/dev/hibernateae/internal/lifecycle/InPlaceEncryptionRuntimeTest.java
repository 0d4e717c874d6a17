package dev.hibernateae.internal.lifecycle;

import static dev.hibernateae.internal.lifecycle.LifecycleTestSupport.execute;
import static dev.hibernateae.internal.lifecycle.LifecycleTestSupport.poll;
import static dev.hibernateae.internal.lifecycle.LifecycleTestSupport.stored;
import static dev.hibernateae.internal.lifecycle.LifecycleTestSupport.transition;
import static dev.hibernateae.internal.lifecycle.LifecycleTestSupport.under;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.CellDecryptionException;
import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import dev.hibernateae.internal.lifecycle.ColumnTransition.Direction;
import dev.hibernateae.internal.lifecycle.ColumnTransition.Phase;
import dev.hibernateae.internal.lifecycle.model.Member;
import dev.hibernateae.testing.PerDatabaseScenarios;
import dev.hibernateae.testing.TestDatabase;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A table that held plaintext before {@code @Encrypted} was added, with its columns converted to binary holding the
 * values' text: while the columns are being encrypted in place, the application reads both forms, writes cells, and
 * finds both forms by equality; once decryption back starts, it writes plaintext.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class InPlaceEncryptionRuntimeTest extends PerDatabaseScenarios {
    static final LocalDateTime JOINED = LocalDateTime.of(2024, 1, 2, 10, 0, 0);

    @Override
    protected Class<?>[] entities() {
        return new Class<?>[] {Member.class};
    }

    @Override
    protected Map<String, Object> extraSettings() {
        Map<String, Object> settings = super.extraSettings();
        settings.put(EncryptionSettings.LIFECYCLE_POLL_INTERVAL, "PT1H");
        return settings;
    }

    static final String COLUMNS = "member.email, member.joinedAt, member.balance";

    /**
     * A new application, configured to read the plaintext of the three columns while they are encrypted in place,
     * and two rows as the column type change left them: the values' text, in UTF-8.
     */
    @BeforeEach
    void plaintextRows() {
        LifecycleTestSupport.clear(db);
        restartApplication(Map.of(EncryptionSettings.LIFECYCLE_ENCRYPTING_COLUMNS, COLUMNS));
        insertPlaintext(1, "ada@example.com", "2024-01-02 10:00:00", "12.50", "Ada");
        insertPlaintext(2, "brook@example.com", "2024-01-02T10:00", "7.00", "Brook");
    }

    private void insertPlaintext(long id, String email, String joined, String balance, String name) {
        execute(db, "insert into member (id, email, joinedAt, balance, name) values (?, ?, ?, ?, ?)", id,
                utf8(email), utf8(joined), utf8(balance), name);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private void encrypting(Phase phase) {
        moving(Direction.ENCRYPT, phase);
    }

    private void moving(Direction direction, Phase phase) {
        for (String column : List.of("email", "joinedAt")) {
            transition(keyRing, db, "member", column, direction, "cek1", EncryptionType.DETERMINISTIC, phase);
        }
        transition(keyRing, db, "member", "balance", direction, "cek1", EncryptionType.RANDOMIZED, phase);
        poll(sessionFactory);
    }

    private Set<String> names(String hql, Object... parameters) {
        return sessionFactory.fromTransaction(s -> {
            var query = s.createSelectionQuery(hql, Member.class);
            for (int i = 0; i < parameters.length; i += 2) {
                query.setParameter((String) parameters[i], parameters[i + 1]);
            }
            Set<String> names = new TreeSet<>();
            query.getResultList().forEach(m -> names.add(m.name));
            return names;
        });
    }

    @Test
    void withoutATransitionPlaintextIsRefused() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> names("from Member"));
        assertTrue(KeyRotationQueriesTest.causeOf(e).getMessage().contains("Cannot decrypt "
                + Member.class.getName()), e.toString());
    }

    @Test
    void whileEncryptingPlaintextAndCellsAreReadAndCellsAreWritten() {
        encrypting(Phase.RUNNING);
        sessionFactory.inTransaction(s -> s.persist(new Member(3, "cole@example.com", JOINED,
                new BigDecimal("3.10"), "Cole")));
        Member ada = sessionFactory.fromTransaction(s -> s.find(Member.class, 1L));
        assertEquals("ada@example.com", ada.email);
        assertEquals(JOINED, ada.joinedAt);
        assertEquals(new BigDecimal("12.50"), ada.balance);
        assertEquals(JOINED, sessionFactory.fromTransaction(s -> s.find(Member.class, 2L)).joinedAt);
        assertEquals(Set.of("Ada", "Brook", "Cole"), names("from Member"));
        assertTrue(under(keyRing.cellKey("cek1"), stored(db, "member", "email", "id = ?", 3L)));

        // Touching a plaintext row writes its values as cells.
        sessionFactory.inTransaction(s -> s.find(Member.class, 1L).name = "Ada L.");
        assertTrue(under(keyRing.cellKey("cek1"), stored(db, "member", "email", "id = ?", 1L)));
    }

    @Test
    void whileEncryptingEqualityFindsPlaintextAndCellRows() {
        encrypting(Phase.RUNNING);
        sessionFactory.inTransaction(s -> s.persist(new Member(3, "cole@example.com", JOINED, null, "Cole")));
        assertEquals(Set.of("Ada"), names("from Member where email = :e", "e", "ada@example.com"));
        assertEquals(Set.of("Cole"), names("from Member where email = :e", "e", "cole@example.com"));
        assertEquals(Set.of("Brook"), names("from Member where email = 'brook@example.com'"));
        assertEquals(Set.of("Ada", "Cole"), names("from Member where email in :e", "e",
                List.of("ada@example.com", "cole@example.com")));
    }

    @Test
    void whileEncryptingEqualityOnATypeWithDatabaseSpecificTextIsRefused() {
        encrypting(Phase.RUNNING);
        UnsupportedEncryptedQueryException e = assertThrows(UnsupportedEncryptedQueryException.class,
                () -> names("from Member where joinedAt = :t", "t", JOINED));
        assertEquals("Member.joinedAt", e.attribute());
        assertTrue(e.getMessage().contains("holds plaintext and cells"), e.getMessage());
    }

    @Test
    void onceEncryptedPlaintextIsRefusedAgain() {
        encrypting(Phase.RUNNING);
        sessionFactory.inTransaction(s -> {
            for (Member m : s.createSelectionQuery("from Member", Member.class).getResultList()) {
                m.name = m.name + ".";
            }
        });
        assertTrue(under(keyRing.cellKey("cek1"), stored(db, "member", "email", "id = ?", 2L)));
        encrypting(Phase.COMPLETED);
        assertEquals(Set.of("Ada.", "Brook."), names("from Member"));
        insertPlaintext(4, "dan@example.com", "2024-01-02 10:00:00", "1.00", "Dan");
        assertThrows(RuntimeException.class, () -> names("from Member"));
    }

    @Test
    void whileDecryptingPlaintextIsWrittenAndBothFormsAreFound() {
        encrypting(Phase.RUNNING);
        sessionFactory.inTransaction(s -> s.persist(new Member(3, "cole@example.com", JOINED,
                new BigDecimal("3.1"), "Cole")));
        // As the encryption job would: every plaintext row becomes cells before the encryption completes.
        sessionFactory.inTransaction(s -> {
            s.find(Member.class, 1L).name = "Ada2";
            s.find(Member.class, 2L).name = "Brook2";
        });
        encrypting(Phase.COMPLETED);
        // Decrypting back takes this application's own setting: a new deployment.
        restartApplicationKeepingRows(Map.of(EncryptionSettings.LIFECYCLE_DECRYPTING_COLUMNS, COLUMNS));
        moving(Direction.DECRYPT, Phase.RUNNING);

        sessionFactory.inTransaction(s -> s.persist(new Member(4, "dan@example.com", JOINED,
                new BigDecimal("4"), "Dan")));
        assertArrayEquals(utf8("dan@example.com"), stored(db, "member", "email", "id = ?", 4L));
        assertArrayEquals(utf8("2024-01-02 10:00:00"), stored(db, "member", "joinedAt", "id = ?", 4L));
        assertArrayEquals(utf8("4.00"), stored(db, "member", "balance", "id = ?", 4L));
        assertFalse(CellShape.looksLikeCell(stored(db, "member", "email", "id = ?", 4L)));

        assertEquals(Set.of("Ada2", "Brook2", "Cole", "Dan"), names("from Member"));
        assertEquals(Set.of("Cole"), names("from Member where email = :e", "e", "cole@example.com"));
        assertEquals(Set.of("Dan"), names("from Member where email = :e", "e", "dan@example.com"));
        assertEquals(Set.of("Ada2", "Brook2", "Cole", "Dan"), names("from Member where joinedAt = :t", "t",
                JOINED));
        assertEquals(Set.of("Ada2", "Brook2", "Cole"), names("from Member where joinedAt <> :t or email <> :e",
                "t", JOINED, "e", "dan@example.com"));
    }

    /** A second application on the same rows: schema validation instead of generation keeps them. */
    private void restartApplicationKeepingRows(Map<String, Object> settings) {
        Map<String, Object> all = new java.util.HashMap<>(settings);
        all.put("hibernate.hbm2ddl.auto", "none");
        restartApplication(all);
    }

    @Test
    void anAuthenticRecordAloneDoesNotLetPlaintextIn() {
        restartApplicationKeepingRows(Map.of());
        encrypting(Phase.RUNNING);
        RuntimeException e = assertThrows(RuntimeException.class, () -> names("from Member"));
        assertTrue(KeyRotationQueriesTest.causeOf(e) instanceof CellDecryptionException, e.toString());
        sessionFactory.inTransaction(s -> s.persist(new Member(3, "cole@example.com", JOINED, null, "Cole")));
        assertTrue(under(keyRing.cellKey("cek1"), stored(db, "member", "email", "id = ?", 3L)));
    }

    @Test
    void anAuthenticRecordAloneDoesNotLetPlaintextOut() {
        restartApplicationKeepingRows(Map.of());
        moving(Direction.DECRYPT, Phase.RUNNING);
        RuntimeException e = assertThrows(RuntimeException.class, () -> sessionFactory.inTransaction(
                s -> s.persist(new Member(3, "cole@example.com", JOINED, null, "Cole"))));
        assertTrue(KeyRotationQueriesTest.causeOf(e).getMessage()
                .contains(EncryptionSettings.LIFECYCLE_DECRYPTING_COLUMNS), e.toString());
        assertEquals(Long.valueOf(0), sessionFactory.<Long>fromTransaction(s -> s.createSelectionQuery(
                "select count(*) from Member where id = 3", Long.class).getSingleResult()));
    }

    @Test
    void aDamagedCellIsAnErrorNeverPlaintext() {
        encrypting(Phase.RUNNING);
        sessionFactory.inTransaction(s -> s.persist(new Member(3, "cole@example.com", JOINED, null, "Cole")));
        byte[] cell = stored(db, "member", "email", "id = ?", 3L);
        cell[cell.length - 1] ^= 1;
        execute(db, "update member set email = ? where id = ?", cell, 3L);
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> sessionFactory.fromTransaction(s -> s.find(Member.class, 3L)));
        assertTrue(KeyRotationQueriesTest.causeOf(e) instanceof AlwaysEncryptedException);
    }
}
