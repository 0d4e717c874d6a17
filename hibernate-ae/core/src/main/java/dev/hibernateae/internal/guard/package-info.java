/**
 * The query guard: refuses JPQL, HQL and Criteria queries that use encrypted attributes in ways the database cannot
 * evaluate on ciphertext, before they run and return wrong rows silently.
 *
 * <h2>Where it runs</h2>
 * The guard only judges statements; {@code dev.hibernateae.internal.query.QueryStage} hands it each one once: HQL and
 * JPQL when read (so named queries are judged at startup), Criteria statements when first translated, bulk
 * statements on multi-table entities before Hibernate's strategy runs them. {@link
 * dev.hibernateae.internal.guard.HqlTypeErrorDiagnosis} rewords Hibernate's own type errors on encrypted attributes.
 *
 * <h2>Allowed</h2>
 * <ul>
 *   <li>Selecting an encrypted attribute, in any select list, constructor or tuple: it is decrypted on read.</li>
 *   <li>On a DETERMINISTIC attribute: {@code =}, {@code <>}/{@code !=}/{@code ^=}, {@code IS [NOT] DISTINCT FROM},
 *       {@code [NOT] IN}, {@code MEMBER OF}, {@code = ANY/ALL (subquery)}, against parameters, literals (Hibernate
 *       encrypts both) and attributes whose cells are interchangeable (same key, DETERMINISTIC, same Java type and
 *       plaintext format); so equality joins on such attributes in ON and WHERE, and {@code IN (subquery)} of
 *       such an attribute.</li>
 *   <li>{@code GROUP BY}, {@code PARTITION BY}, {@code SELECT DISTINCT}, {@code UNION}/{@code INTERSECT}/
 *       {@code EXCEPT} and {@code count(distinct ...)} on DETERMINISTIC attributes: equal values have equal cells,
 *       so grouping and deduplicating ciphertext gives the right answer (SQL Server allows the same).</li>
 *   <li>{@code IS [NOT] NULL} on either encryption type (NULL is never encrypted); {@code count(...)} of either
 *       type (it counts non-null cells); {@code size()} and {@code IS EMPTY} of encrypted collections.</li>
 *   <li>{@code UPDATE ... SET} and {@code INSERT} of encrypted attributes from parameters, literals, {@code NULL}
 *       and attributes with interchangeable cells (a RANDOMIZED attribute may be written, just not compared);
 *       {@code DELETE} and {@code UPDATE} filtered by the allowed predicates.</li>
 *   <li>Paths through embeddables, element collections, associations, {@code treat}, joins and derived tables;
 *       a whole embeddable compared with a parameter when its encrypted attributes are deterministic.</li>
 * </ul>
 *
 * <h2>Refused</h2>
 * Ordering comparisons and {@code BETWEEN}; {@code LIKE}/{@code ILIKE}; {@code ORDER BY} (also by alias, position
 * and inside windows); {@code maxelement()}, {@code minelement()} and {@code max(elements())} of an encrypted
 * collection; {@code column(...)} on rows that hold encrypted columns; {@code sql(...)} naming an encrypted column;
 * with SQL comments or statistics on, a literal on an encrypted attribute in HQL (the query text leaves the
 * application); every function and aggregate but {@code count} ({@code upper}, {@code length},
 * {@code substring}, {@code concat}, {@code coalesce}, {@code cast}, {@code min}, {@code max}, {@code sum},
 * {@code avg}...); arithmetic; {@code CASE} over an encrypted attribute; row-value (tuple) comparisons (Hibernate
 * does not encrypt their values); an encrypted boolean used directly as a condition or with {@code IS TRUE};
 * every comparison, grouping or deduplication of a RANDOMIZED attribute; comparing or assigning an encrypted
 * attribute with a plain value, a function result or an attribute encrypted differently (other key, type, Java type
 * or format); an {@code IN (subquery)} or {@code UNION} that mixes ciphertext with plain values; one parameter used
 * both with an encrypted attribute and elsewhere (Hibernate binds it one way for the whole query, so one use would
 * match nothing).
 *
 * <h2>Not covered</h2>
 * Native SQL (bind {@code dev.hibernateae.api.EncryptedValues.encrypt(...)} yourself); mapping annotations with SQL
 * ({@code @Filter}, {@code @SQLRestriction}, {@code @Formula}, {@code @OrderBy}...) are checked at startup by
 * {@code MappedSqlFragmentCheck}, not here; Criteria built with Hibernate's {@code CriteriaBuilder} where Hibernate
 * itself refuses the operation while building or creating the query ({@code like}, string functions, {@code min}/
 * {@code max} on an attribute it knows as {@code VARBINARY}, a numeric result type for arithmetic) — those fail with
 * Hibernate's own error, before there is a query to guard.
 *
 * <p>Internal: not part of the public API; may change in any release without notice. Do not use from applications.
 */
package dev.hibernateae.internal.guard;
