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
 * Makes an encrypted {@code String} attribute searchable by prefix through search tokens: {@code e.x like 'abc%'}
 * (with a literal or a parameter, optionally with {@code escape}) and Spring Data's {@code StartingWith} work, for
 * prefixes of {@link #minLength} to {@link #maxLength} characters (Unicode code points), compared exactly (case and
 * accents count). "Smi" finds "Smith".
 *
 * <p>Each row gets one token per prefix length from {@code minLength} up to {@code maxLength} (fewer for shorter
 * values). At rest the database learns how many tokens a row has (whether its value is shorter than
 * {@code maxLength}) and which rows share a token (a prefix, spread by {@link #contention}); per query, which rows
 * have the queried prefix. A pattern of another shape or length is refused when the query runs.
 */
@Documented
@Target({FIELD, METHOD})
@Retention(RUNTIME)
@AttributeBinderType(binder = SearchAnnotationBinder.class)
public @interface PrefixSearch {

    /** The shortest prefix a query may look for, in code points; at least 1. */
    int minLength() default 1;

    /** The longest prefix a query may look for, in code points; each row stores up to this many tokens for it. */
    int maxLength() default 8;

    /**
     * Into how many tokens one prefix is spread at random (1 to 64). At rest, rows with the same prefix share one of
     * this many tokens rather than a single one, so the token table shows groups about this many times smaller;
     * each query looks up this many tokens. 1 turns the spreading off.
     */
    int contention() default 4;
}
