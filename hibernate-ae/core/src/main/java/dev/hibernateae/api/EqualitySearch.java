package dev.hibernateae.api;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.hibernateae.internal.hibernate.SearchAnnotationBinder;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.hibernate.annotations.AttributeBinderType;

/**
 * Makes a {@link EncryptionType#RANDOMIZED} attribute searchable by equality through search tokens: {@code = :v},
 * {@code <> :v} and Spring Data's {@code findByX} work, while equal values still get different cells. Each row gets
 * one token, {@code HMAC-SHA256} of the value (and a random variant below {@link #contention}) under a key derived from the attribute's column encryption key, in the
 * table's token table ({@code <table>_hae_tokens}). At rest the database learns which rows share a token (equal
 * values, spread over {@link #contention} tokens); per query, which rows hold the queried value.
 *
 * <pre>{@code
 * @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1")
 * @EqualitySearch
 * String ssn;
 * }</pre>
 */
@Documented
@Target({FIELD, METHOD})
@Retention(RUNTIME)
@AttributeBinderType(binder = SearchAnnotationBinder.class)
public @interface EqualitySearch {

    /**
     * Into how many tokens one value is spread at random (1 to 64). At rest, rows with the same value share one of
     * this many tokens rather than a single one, so the token table shows groups about this many times smaller;
     * each query looks up this many tokens. 1 turns the spreading off.
     */
    int contention() default 4;
}
