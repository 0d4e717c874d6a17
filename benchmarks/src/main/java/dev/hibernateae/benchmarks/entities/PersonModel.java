package dev.hibernateae.benchmarks.entities;

/** The twin a benchmark run uses. */
public enum PersonModel {
    PLAINTEXT(PlainPerson.class, "bench_person_plain"),
    ENCRYPTED(EncryptedPerson.class, "bench_person_encrypted");

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

    public Person create(long id, PersonValues values) {
        return this == PLAINTEXT ? new PlainPerson(id, values) : new EncryptedPerson(id, values);
    }

    /** The lookup by the indexed (deterministic, when encrypted) attribute. */
    public String lookupQuery() {
        return "from " + entity.getSimpleName() + " where nationalId = :nationalId";
    }
}
