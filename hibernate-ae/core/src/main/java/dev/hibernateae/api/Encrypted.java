package dev.hibernateae.api;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.hibernateae.internal.hibernate.EncryptedAttributeBinder;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.hibernate.annotations.AttributeBinderType;

/**
 * Stores an entity attribute encrypted with AEAD_AES_256_CBC_HMAC_SHA256 under the named column encryption key,
 * cell for cell as SQL Server Always Encrypted does. The value is encrypted on flush and decrypted on load; the
 * database, its backups and its logs only ever see ciphertext, in a {@code VARBINARY} ({@code bytea}) column sized
 * for it.
 *
 * <p>Works on basic attributes of entities and embeddables, and on {@code @ElementCollection}s of basic values.
 * {@link EncryptionType#DETERMINISTIC} attributes support {@code =}, {@code <>}, {@code IN}, {@code IS NULL},
 * {@code GROUP BY} and {@code DISTINCT} in JPQL, HQL and Criteria queries (parameters and literals are encrypted);
 * every operation that cannot work on ciphertext is refused with an {@link UnsupportedEncryptedQueryException} when
 * the query is created or first run (a named query: when the application starts). Native SQL is not rewritten: bind
 * {@link EncryptedValues#encrypt ciphertext} yourself.
 *
 * <pre>{@code
 * @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
 * String ssn;
 * }</pre>
 */
@Documented
@Target({FIELD, METHOD})
@Retention(RUNTIME)
@AttributeBinderType(binder = EncryptedAttributeBinder.class)
public @interface Encrypted {

    /** Deterministic (queryable by equality) or randomized (not queryable, reveals nothing). */
    EncryptionType type();

    /** The name of the column encryption key, as created with the admin API or command-line tool. */
    String key();

    /** How strings become bytes; UTF-16LE (nvarchar) unless the data is known to be mostly ASCII. */
    StringEncoding stringEncoding() default StringEncoding.UTF_16LE;
}
