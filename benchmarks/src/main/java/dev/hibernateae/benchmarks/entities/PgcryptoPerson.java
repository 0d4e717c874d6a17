package dev.hibernateae.benchmarks.entities;

import dev.hibernateae.benchmarks.support.BenchmarkDatabase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;
import org.hibernate.annotations.ColumnTransformer;

/**
 * Peer of {@link EncryptedPerson} on PostgreSQL: the same attributes encrypted by the database with pgcrypto's
 * {@code pgp_sym_encrypt} into {@code bytea} columns, through Hibernate column transformers. The key is written into
 * the transformers, so it travels in the text of every statement that touches these columns (and lands in the
 * server's statement logs and statistics): that is how this approach works, and part of what it costs. PGP's salted,
 * iterated key derivation runs for every value written and read, and every value gets a new session key, so values
 * are randomized: a lookup by national ID decrypts the column of every row ({@code where pgp_sym_decrypt(...) = ?}).
 * The index every twin has stays, so inserts maintain the same structures; the lookup cannot use it.
 */
@Entity(name = "PgcryptoPerson")
@Table(name = "bench_person_pgcrypto", indexes = @Index(name = "bench_person_pgcrypto_nid", columnList = "national_id"))
public class PgcryptoPerson implements Person {
    private static final String KEY = "benchmark-only key, not a secret";

    @Id
    Long id;

    @ColumnTransformer(read = "pgp_sym_decrypt(national_id, '" + KEY + "')",
            write = "pgp_sym_encrypt(?, '" + KEY + "')")
    @Column(name = "national_id", columnDefinition = "bytea")
    String nationalId;

    @ColumnTransformer(read = "pgp_sym_decrypt(email, '" + KEY + "')",
            write = "pgp_sym_encrypt(?, '" + KEY + "')")
    @Column(name = "email", columnDefinition = "bytea")
    String email;

    @ColumnTransformer(read = "cast(pgp_sym_decrypt(birth_date, '" + KEY + "') as date)",
            write = "pgp_sym_encrypt(cast(? as text), '" + KEY + "')")
    @Column(name = "birth_date", columnDefinition = "bytea")
    LocalDate birthDate;

    @Column(name = "last_name", length = 48)
    String lastName;

    @Column(name = "city", length = 48)
    String city;

    @Column(name = "visits")
    int visits;

    protected PgcryptoPerson() {
    }

    PgcryptoPerson(long id, PersonValues values) {
        this.id = id;
        this.nationalId = values.nationalId();
        this.email = values.email();
        this.birthDate = values.birthDate();
        this.lastName = values.lastName();
        this.city = values.city();
        this.visits = values.visits();
    }

    @Override
    public boolean holds(PersonValues expected) {
        return expected.equals(new PersonValues(nationalId, email, birthDate, lastName, city, visits));
    }

    /**
     * Creates the pgcrypto extension unless the database has it: in the benchmark's own schema, so it goes when the
     * schema is dropped. Returns the Hibernate settings that let the twin's statements find its functions: none when
     * they are in that schema, otherwise the extension's schema on the search path too.
     */
    static Map<String, Object> installPgcrypto(BenchmarkDatabase.Instance db) {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute("create extension if not exists pgcrypto");
            try (ResultSet schema = statement.executeQuery("select n.nspname from pg_extension e join pg_namespace n"
                    + " on n.oid = e.extnamespace where e.extname = 'pgcrypto'")) {
                schema.next();
                String name = schema.getString(1);
                return name.equals(db.name()) ? Map.of() : db.hibernateSettingsAlsoSearching(name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot install pgcrypto on " + db.url() + ": " + e.getMessage(), e);
        }
    }
}
