package dev.hibernateae.benchmarks.entities;

/** The twin a benchmark run uses. */
public enum PersonModel {
    PLAINTEXT(PlainPerson.class, "bench_person_plain"),
    ENCRYPTED(EncryptedPerson.class, "bench_person_encrypted"),
    /** Diagnostic: ciphertext-sized random bytes, no encryption (see {@link BinaryPerson}). */
    BINARY(BinaryPerson.class, "bench_person_binary");

    private final Class<? extends Person> entity;
    private final String table;

    PersonModel(Class<? extends Person> entity, String table) {
        this.entity = entity;
        this.table = table;
    }

    public Class<? extends Person> entity() {
        return entity;
    }

    public String table() {
        return table;
    }

    public boolean encrypted() {
        return this == ENCRYPTED;
    }

    public Person create(long id, PersonValues values) {
        return switch (this) {
            case PLAINTEXT -> new PlainPerson(id, values);
            case ENCRYPTED -> new EncryptedPerson(id, values);
            case BINARY -> new BinaryPerson(id, values);
        };
    }

    /** What the lookup binds for a row: its national ID, or the bytes the binary twin stores for it. */
    public Object lookupValue(PersonValues values) {
        return this == BINARY ? BinaryPerson.nationalIdBytes(values) : values.nationalId();
    }

    /** The lookup by the indexed (deterministic, when encrypted) attribute. */
    public String lookupQuery() {
        return "from " + entity.getSimpleName() + " where nationalId = :nationalId";
    }
}
