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
 * Makes an encrypted {@code String} attribute searchable by case-insensitive (and, with {@link #ignoreAccents},
 * accent-insensitive) equality through search tokens: {@code upper(e.x) = upper(:v)}, {@code lower(e.x) =
 * lower(:v)} and Spring Data's {@code IgnoreCase} work.
 *
 * <p>Two strings match when their folded forms are equal: {@code s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT)},
 * after removing combining marks from the canonical decomposition (NFD) when accents are ignored. Both sides of the
 * comparison must apply the same function ({@code upper} with {@code upper}, or {@code lower} with {@code lower}).
 * Each row gets one token. At rest the database learns which rows share a token (equal folded values, spread over
 * {@link #contention} tokens); per query, which rows hold the queried folded value.
 */
@Documented
@Target({FIELD, METHOD})
@Retention(RUNTIME)
@AttributeBinderType(binder = SearchAnnotationBinder.class)
public @interface IgnoreCaseSearch {

    /** Whether accents (combining marks) are ignored as well: {@code "Zoë"} then matches {@code "ZOE"}. */
    boolean ignoreAccents() default false;

    /**
     * Into how many tokens one folded value is spread at random (1 to 64). At rest, rows with the same folded value share one of
     * this many tokens rather than a single one, so the token table shows groups about this many times smaller;
     * each query looks up this many tokens. 1 turns the spreading off.
     */
    int contention() default 4;
}
