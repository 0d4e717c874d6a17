package dev.hibernateae.api;

/**
 * A JPQL, HQL or Criteria query uses an encrypted attribute in a way the database cannot evaluate on ciphertext:
 * an ordering comparison, {@code LIKE}, a function, {@code ORDER BY}, equality on a
 * {@link EncryptionType#RANDOMIZED RANDOMIZED} attribute, a comparison with a plain value, and so on. Such a query
 * would run and silently return wrong rows, so it is refused before it reaches the database: when an HQL/JPQL query
 * is created, when a Criteria query first runs, and when the application starts for named queries. Mapping
 * annotations whose SQL the database would run on ciphertext ({@code @Filter}, {@code @SQLRestriction},
 * {@code @Formula}, JPA {@code @OrderBy} on an encrypted attribute...) are refused with it at startup too, its
 * operation then naming the annotation.
 *
 * <p>The message names the attribute ({@code Patient.ssn}), the operation ({@code LIKE}), why it cannot work and
 * what to do instead. It never contains a parameter or literal value, nor the query text (which may hold
 * literals).
 */
public class UnsupportedEncryptedQueryException extends AlwaysEncryptedException {
    private static final long serialVersionUID = 1L;

    private final String attribute;
    private final String operation;

    public UnsupportedEncryptedQueryException(String attribute, String operation, String message) {
        super(message);
        this.attribute = attribute;
        this.operation = operation;
    }

    public UnsupportedEncryptedQueryException(String attribute, String operation, String message, Throwable cause) {
        super(message, cause);
        this.attribute = attribute;
        this.operation = operation;
    }

    /** The encrypted attribute the query misuses, as {@code Entity.attribute} ({@code Patient.address.zip}). */
    public String attribute() {
        return attribute;
    }

    /** The operation that cannot work on it, as written in the query language ({@code LIKE}, {@code <}, {@code upper()}). */
    public String operation() {
        return operation;
    }
}
