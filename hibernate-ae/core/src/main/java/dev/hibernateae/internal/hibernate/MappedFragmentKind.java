package dev.hibernateae.internal.hibernate;

import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import dev.hibernateae.internal.hibernate.EncryptedAttributeIntegrator.EncryptedColumn;

/**
 * What a mapping annotation does with the column it names, why that cannot work on ciphertext, and what to do
 * instead. Messages name the mapping only: never the annotation's SQL, which may hold literal values.
 */
enum MappedFragmentKind {
    RESTRICTION("a SQL condition compares its ciphertext (a literal in the condition is never encrypted), so it "
            + "matches the wrong rows or none",
            "Remove the annotation and restrict in an HQL/JPQL query instead"),
    FILTER("a SQL condition compares its ciphertext, and the filter's parameters are bound as the application gives "
            + "them, so the plaintext would be sent to the database and match nothing",
            "Remove the filter and restrict in an HQL/JPQL query instead"),
    ORDER("sorting in SQL orders the rows by ciphertext, an order unrelated to the values",
            null),
    FORMULA("the database computes the formula from ciphertext, so its value is meaningless",
            "Remove the formula, or base it on plain columns only, and compute the value in Java from the "
                    + "decrypted attribute (for example in a @Transient getter)"),
    DISCRIMINATOR("the database computes the discriminator from ciphertext, so rows would get the wrong type",
            "Use a plain discriminator column, or a formula over plain columns only");

    private static final String PREFIX = "Mapping cannot work on encrypted data: ";

    private final String why;
    private final String advice;

    MappedFragmentKind(String why, String advice) {
        this.why = why;
        this.advice = advice;
    }

    /**
     * @param subject the annotation and where it is, e.g. {@code @Filter(name = "bySsn") on entity Patient}
     * @param operation the annotation alone, e.g. {@code @Filter}: the exception's operation
     * @param reference how the annotation names the column: {@code column ssn}, {@code attribute ssn}
     * @param attribute the encrypted attribute as the user wrote it, {@code Patient.ssn}
     */
    UnsupportedEncryptedQueryException refuse(String subject, String operation, String reference, String attribute,
            EncryptedColumn column) {
        EncryptedAttribute<?> encrypted = column.converter().attribute();
        return new UnsupportedEncryptedQueryException(attribute, operation, PREFIX + subject + " names " + reference
                + " (encrypted attribute " + attribute + ", " + encrypted.type() + ", key '" + encrypted.keyName()
                + "'). The database holds only ciphertext there: " + why + ". " + advice(encrypted.deterministic()));
    }

    private String advice(boolean deterministic) {
        if (this == ORDER) {
            return "Remove the annotation and sort in memory: @SortNatural or @SortComparator on the collection, or "
                    + "sort the loaded elements yourself; no query can sort by an encrypted attribute.";
        }
        if (this == FORMULA || this == DISCRIMINATOR) {
            return advice + ".";
        }
        return advice + (deterministic
                ? ", with = or IN and a parameter on this DETERMINISTIC attribute (Hibernate encrypts the parameter), "
                        + "or filter in memory after loading."
                : "; this attribute is RANDOMIZED, so no query can compare it: filter in memory after loading, or make "
                        + "it DETERMINISTIC if it must be searched.");
    }
}
