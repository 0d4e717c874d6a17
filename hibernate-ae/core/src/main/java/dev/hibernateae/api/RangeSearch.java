package dev.hibernateae.api;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.hibernateae.internal.hibernate.SearchAnnotationBinder;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.temporal.ChronoUnit;
import org.hibernate.annotations.AttributeBinderType;

/**
 * Makes an encrypted attribute searchable by range through search tokens: {@code <}, {@code <=}, {@code >},
 * {@code >=} and {@code BETWEEN} with a parameter or literal, and Spring Data's {@code LessThan}, {@code GreaterThan},
 * {@code Between}, {@code Before}, {@code After}. For {@code Byte}, {@code Short}, {@code Integer}, {@code Long},
 * {@code BigDecimal} (within its {@code @Column(precision, scale)}), {@code Float}, {@code Double},
 * {@code LocalDate}, {@code LocalTime}, {@code LocalDateTime}, {@code Instant} and {@code OffsetDateTime} (compared
 * by instant), as Java compares them ({@code -0.0} equals {@code 0.0}; {@code NaN} is in no range).
 *
 * <p>Values are mapped, in order, onto the integers of the declared domain ({@link #min} to {@link #max}, at
 * {@link #unit} for times), and each row gets one token per level of a tree over that domain ({@link #sparsity});
 * a query looks up the tokens of the fewest tree nodes that cover its range exactly. At rest the database learns
 * which rows share a tree node (values close together share the upper levels); per query, which rows fall in the
 * range (and from how many tokens, roughly how wide it is). Values outside the declared domain, or finer than its
 * unit or scale, are refused when written.
 */
@Documented
@Target({FIELD, METHOD})
@Retention(RUNTIME)
@AttributeBinderType(binder = SearchAnnotationBinder.class)
public @interface RangeSearch {

    /** The smallest value stored, as the type parses it ({@code "0"}, {@code "2000-01-01"}); "" for the type's own. */
    String min() default "";

    /** The largest value stored; "" for the type's own. A smaller domain means fewer tokens per row and per query. */
    String max() default "";

    /** The precision of time values: values finer than it are refused when written. */
    ChronoUnit unit() default ChronoUnit.MICROS;

    /**
     * Levels of the token tree kept, 1 to 4: every {@code sparsity}-th level, so each row gets about
     * {@code bits / sparsity} tokens, and a query up to about {@code 2 * (2^sparsity - 1)} per level.
     */
    int sparsity() default 2;

    /** How many of the tree's top levels to drop (they cover huge ranges and tell rows apart least). */
    int trim() default 0;

    /** Into how many tokens one tree node is spread at random (1 to 8); each query looks up this many per node. */
    int contention() default 1;
}
