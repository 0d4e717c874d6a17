package dev.hibernateae.internal.guard;

/** Why an operation cannot work on ciphertext, and what the user can do instead. */
enum Reason {
    ORDER("ciphertext does not keep the order of the values",
            "Sort or filter by range on a plain attribute, or load the rows and compare the decrypted values in Java."),
    CONTENT("the database sees only ciphertext, not the characters or digits of the value",
            "Match whole values with =, <> or IN on a DETERMINISTIC attribute; for partial matching keep a separate "
                    + "plain attribute (for example the last four digits)."),
    COMPUTE("the database cannot compute on ciphertext",
            "Select the attribute (it is decrypted when read) and compute in Java."),
    RANDOMIZED("RANDOMIZED encryption gives equal values different ciphertext, so the database cannot match, group "
            + "or deduplicate them",
            "Use EncryptionType.DETERMINISTIC for attributes you search by equality (it reveals which rows share a "
                    + "value), or find the rows another way and compare the decrypted values in Java."),
    ROW_VALUE("Hibernate does not encrypt the values of a row-value (tuple) expression, so ciphertext would meet "
            + "plaintext",
            "Compare each attribute on its own, as in p.a = :a and p.b = :b."),
    BOOLEAN("the database cannot read true or false from ciphertext",
            "Compare it with = true or = false: Hibernate encrypts the literal."),
    CASE("the result of a CASE expression is not decrypted as the attribute, so ciphertext would be mixed with "
            + "other values",
            "Select the attribute itself and choose between values in Java.");

    private static final java.util.Set<String> ORDERING_FUNCTIONS = java.util.Set.of("min", "max", "greatest",
            "least");
    private static final java.util.Set<String> STRING_FUNCTIONS = java.util.Set.of("upper", "lower", "length",
            "character_length", "char_length", "octet_length", "bit_length", "substring", "substr", "concat", "trim",
            "ltrim", "rtrim", "locate", "position", "left", "right", "replace", "lpad", "rpad", "pad", "repeat",
            "overlay", "instr", "reverse", "soundex", "ascii", "string_agg", "listagg", "str", "collate");

    /** Why a function (by its lower-case name) cannot take ciphertext. */
    static Reason forFunction(String name) {
        return ORDERING_FUNCTIONS.contains(name) ? ORDER : STRING_FUNCTIONS.contains(name) ? CONTENT : COMPUTE;
    }

    private final String why;
    private final String advice;

    Reason(String why, String advice) {
        this.why = why;
        this.advice = advice;
    }

    String why() {
        return why;
    }

    String advice() {
        return advice;
    }
}
