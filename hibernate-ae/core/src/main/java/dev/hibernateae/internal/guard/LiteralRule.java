package dev.hibernateae.internal.guard;

/**
 * Whether a literal may meet an encrypted attribute in a query's text. Hibernate encrypts such a literal before the
 * SQL is sent, but the query text itself, literal included, goes where the application's settings send it: to the
 * database as a SQL comment ({@code hibernate.use_sql_comments}), or into Hibernate's statistics and whatever
 * exports them ({@code hibernate.generate_statistics}). Then the literal is refused and a parameter asked for.
 *
 * @param refusedBecause why literals are refused (the setting that exposes the text), or {@code null} when allowed
 */
public record LiteralRule(String refusedBecause) {
    /** Literals are encrypted like parameters; the query text stays in the application. */
    public static final LiteralRule ALLOWED = new LiteralRule(null);

    boolean allowed() {
        return refusedBecause == null;
    }
}
