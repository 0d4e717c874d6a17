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
 * Makes an encrypted {@code String} attribute searchable by suffix through search tokens: {@code e.x like '%abc'}
 * (with a literal or a parameter, optionally with {@code escape}) and Spring Data's {@code EndingWith} work, for
 * suffixes of {@link #minLength} to {@link #maxLength} characters (Unicode code points), compared exactly (case and
 * accents count). "ith" finds "Smith".
 *
 * <p>Each row gets one token per suffix length from {@code minLength} up to {@code maxLength} (fewer for shorter
 * values). At rest the database learns how many tokens a row has (whether its value is shorter than
 * {@code maxLength}) and which rows share a token (a suffix, spread by {@link #contention}); per query, which rows
 * have the queried suffix. A pattern of another shape or length is refused when the query runs.
 */
@Documented
@Target({FIELD, METHOD})
@Retention(RUNTIME)
@AttributeBinderType(binder = SearchAnnotationBinder.class)
public @interface SuffixSearch {

    /** The shortest suffix a query may look for, in code points; at least 1. */
    int minLength() default 1;

    /** The longest suffix a query may look for, in code points; each row stores up to this many tokens for it. */
    int maxLength() default 8;

    /**
     * Into how many tokens one suffix is spread at random (1 to 64). At rest, rows with the same suffix share one of
     * this many tokens rather than a single one, so the token table shows groups about this many times smaller;
     * each query looks up this many tokens. 1 turns the spreading off.
     */
    int contention() default 4;
}
