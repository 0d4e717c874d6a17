package dev.hibernateae.internal.guard;

import dev.hibernateae.api.UnsupportedEncryptedQueryException;

/**
 * Builds the guard's errors. Every message names the attribute, its encryption type and key name, the operation,
 * why it cannot work and what to do; none contains a value or the query text (which may hold literals).
 */
final class Rejections {
    private static final String PREFIX = "Query cannot run on encrypted data: ";
    private static final String COMPARE_ADVICE = "Compare it with a parameter or a literal (Hibernate encrypts "
            + "those), or with a DETERMINISTIC attribute under the same key, Java type and format.";

    private Rejections() {
    }

    static UnsupportedEncryptedQueryException unsupported(EncryptedColumn column, String operation, Reason reason) {
        return new UnsupportedEncryptedQueryException(column.attribute(), operation, PREFIX + column.describe()
                + " is used with " + operation + ", but " + reason.why() + ". " + reason.advice());
    }

    /** An encrypted value meets a value that is neither a parameter, a literal, nor encrypted the same way. */
    static UnsupportedEncryptedQueryException mixed(EncryptedColumn column, String operation, String other) {
        return new UnsupportedEncryptedQueryException(column.attribute(), operation, PREFIX + column.describe()
                + " is compared with " + other + " by " + operation + ", but ciphertext never equals a plain value. "
                + COMPARE_ADVICE);
    }

    /** Two encrypted values whose cells differ for equal values (other key, type, Java type or format). */
    static UnsupportedEncryptedQueryException mismatched(EncryptedColumn column, EncryptedColumn other,
            String operation) {
        return new UnsupportedEncryptedQueryException(column.attribute(), operation, PREFIX + column.describe()
                + " is compared with " + other.describe() + " by " + operation + ", but they are encrypted "
                + "differently (key, encryption type, Java type or plaintext format), so equal values have different "
                + "ciphertext. Only attributes with the same key, DETERMINISTIC type, Java type and format can be "
                + "compared or copied into each other.");
    }

    /** A plain value is written into an encrypted attribute, or ciphertext into a plain one. */
    static UnsupportedEncryptedQueryException unencryptedWrite(EncryptedColumn column, String operation,
            String other) {
        return new UnsupportedEncryptedQueryException(column.attribute(), operation, PREFIX + column.describe()
                + " is assigned from or to " + other + " by " + operation + ", so plaintext would be stored as "
                + "ciphertext or the other way round. Assign a parameter or a literal (Hibernate encrypts those), or "
                + "an attribute encrypted the same way.");
    }

    /** A literal meets an encrypted attribute in a query whose text leaves the application. */
    static UnsupportedEncryptedQueryException literalExposed(EncryptedColumn column, String operation,
            String because) {
        return new UnsupportedEncryptedQueryException(column.attribute(), operation, PREFIX + "a literal is "
                + "compared with or assigned to " + column.describe() + " by " + operation + ", but " + because
                + ", so the plaintext would leave the application in the query text. Bind a parameter instead (it is "
                + "encrypted, and the text shows only its name), or turn that setting off.");
    }

    /** {@code column(...)} reads a raw column of rows that hold {@code encrypted} columns. */
    static UnsupportedEncryptedQueryException rawColumn(java.util.List<EncryptedColumn> encrypted) {
        EncryptedColumn first = encrypted.get(0);
        String names = encrypted.stream().map(EncryptedColumn::attribute).limit(5)
                .collect(java.util.stream.Collectors.joining(", "));
        return new UnsupportedEncryptedQueryException(first.attribute(), "column()", PREFIX + "column() reads a "
                + "column by its SQL name from rows that hold encrypted attributes (" + names + (encrypted.size() > 5
                        ? ", ..." : "") + "). hibernate-ae cannot tell which column it names, and a raw column is "
                + "neither encrypted nor decrypted: a value compared with it would be bound as plaintext. Map the "
                + "column as an attribute (with @Encrypted if it holds ciphertext) and use that attribute instead.");
    }

    /** {@code sql(...)} embeds SQL that names the column of an encrypted attribute. */
    static UnsupportedEncryptedQueryException sqlFragment(EncryptedColumn column, String columnName) {
        return new UnsupportedEncryptedQueryException(column.attribute(), "sql()", PREFIX + "sql() embeds SQL that "
                + "names column " + columnName + " of " + column.describe() + ", which the database holds only as "
                + "ciphertext: whatever the SQL does with it (sort, compare, compute, filter) works on the ciphertext, "
                + "and a value compared with it would be plaintext. Use the attribute in the query itself (equality "
                + "with a parameter on a DETERMINISTIC attribute), or load the rows and work on the decrypted values "
                + "in Java.");
    }

    static UnsupportedEncryptedQueryException parameterReused(EncryptedColumn column, String parameter,
            String otherUse) {
        return new UnsupportedEncryptedQueryException(column.attribute(), "parameter " + parameter, PREFIX
                + "parameter " + parameter + " is bound to " + column.describe() + " and also used " + otherUse
                + ", but Hibernate converts a parameter one way for the whole query, so one of the uses would "
                + "silently match nothing. Use a separate parameter for each use.");
    }
}
