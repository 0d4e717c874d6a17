package dev.hibernateae.benchmarks.entities;

import dev.hibernateae.benchmarks.support.BenchmarkDatabase;

/**
 * The twin a benchmark run uses: plaintext, hibernate-ae, a diagnostic binary twin, or a peer (what an application
 * would use instead of hibernate-ae), each with the same six attributes and the same three of them protected.
 */
public enum PersonModel {
    PLAINTEXT(PlainPerson.class, "bench_person_plain", "plaintext"),
    ENCRYPTED(EncryptedPerson.class, "bench_person_encrypted", "hibernate-ae"),
    /** Diagnostic: ciphertext-sized random bytes, no encryption (see {@link BinaryPerson}). */
    BINARY(BinaryPerson.class, "bench_person_binary", "binary twin"),
    /** Peer: hand-written AES-GCM converters (see {@link GcmConverterPerson}). */
    GCM_CONVERTER(GcmConverterPerson.class, "bench_person_gcm", "GCM converter"),
    /** Peer: jasypt's string encryptor in converters (see {@link JasyptPerson}). */
    JASYPT(JasyptPerson.class, "bench_person_jasypt", "jasypt"),
    /** Peer, PostgreSQL only: pgcrypto through column transformers (see {@link PgcryptoPerson}). */
    PGCRYPTO(PgcryptoPerson.class, "bench_person_pgcrypto", "pgcrypto");

    private final Class<? extends Person> entity;
    private final String table;
    private final String label;

    PersonModel(Class<? extends Person> entity, String table, String label) {
        this.entity = entity;
        this.table = table;
        this.label = label;
    }

    public Class<? extends Person> entity() {
        return entity;
    }

    public String table() {
        return table;
    }

    /** The twin's name in reports. */
    public String label() {
        return label;
    }

    /** Whether the twin is hibernate-ae's, which needs the key hierarchy set up. */
    public boolean hibernateAe() {
        return this == ENCRYPTED;
    }

    /**
     * Whether a lookup by national ID can find a row: not when a peer randomizes that column (a new IV or salt per
     * value) and the query compares it with a parameter, which only a blind index (a keyed hash in another column)
     * would make possible. pgcrypto randomizes too, but its query decrypts every row's column in the database.
     */
    public boolean canLookUp() {
        return this != GCM_CONVERTER && this != JASYPT;
    }

    /** Whether the twin runs on {@code database}: pgcrypto is a PostgreSQL extension. */
    public boolean runsOn(BenchmarkDatabase database) {
        return this != PGCRYPTO || database == BenchmarkDatabase.POSTGRESQL;
    }

    public Person create(long id, PersonValues values) {
        return switch (this) {
            case PLAINTEXT -> new PlainPerson(id, values);
            case ENCRYPTED -> new EncryptedPerson(id, values);
            case BINARY -> new BinaryPerson(id, values);
            case GCM_CONVERTER -> new GcmConverterPerson(id, values);
            case JASYPT -> new JasyptPerson(id, values);
            case PGCRYPTO -> new PgcryptoPerson(id, values);
        };
    }

    /** What the lookup binds for a row: its national ID, or the bytes the binary twin stores for it. */
    public Object lookupValue(PersonValues values) {
        return this == BINARY ? BinaryPerson.nationalIdBytes(values) : values.nationalId();
    }

    /**
     * The lookup by national ID, through the attribute: indexed (deterministic, when hibernate-ae encrypts it) on
     * every twin but pgcrypto's, where Hibernate applies the column's read transformer and the database decrypts
     * every row.
     */
    public String lookupQuery() {
        return "from " + entity.getSimpleName() + " where nationalId = :nationalId";
    }
}
