package dev.hibernateae.benchmarks.entities;

import dev.hibernateae.admin.ColumnKeyAdministration;
import dev.hibernateae.admin.ColumnMasterKeySpec;
import dev.hibernateae.benchmarks.support.BenchmarkDatabase;
import dev.hibernateae.benchmarks.support.BenchmarkKeystore;
import dev.hibernateae.benchmarks.support.SessionFactories;
import java.util.HashMap;
import java.util.Map;
import org.hibernate.SessionFactory;

/**
 * One twin's session factory and table, filled with rows {@code 1..rows} ({@link PersonValues#row}). The encrypted
 * twin uses the real key hierarchy: a keytool-made PKCS12 keystore holds the column master key, the key tables hold
 * the wrapped column encryption key, and the caching key ring serves it (unwrapped once, while the table fills). The
 * pgcrypto twin installs its extension first.
 */
final class PersonTable implements AutoCloseable {
    private final PersonModel model;
    private final BenchmarkDatabase.Instance db;
    private final SessionFactory sessionFactory;
    private final int rows;
    private long nextId;

    PersonTable(PersonModel model, BenchmarkDatabase.Instance db, PersonValues[] values) {
        this.model = model;
        this.db = db;
        this.rows = values.length;
        Map<String, Object> settings = new HashMap<>();
        if (!model.runsOn(db.database())) {
            throw new IllegalArgumentException(model + " does not run on " + db.database());
        }
        BenchmarkKeystore keystore = model.hibernateAe() ? BenchmarkKeystore.create() : null;
        if (keystore != null) {
            settings.putAll(keystore.settings());
        }
        if (model == PersonModel.PGCRYPTO) {
            settings.putAll(PgcryptoPerson.installPgcrypto(db));
        }
        sessionFactory = SessionFactories.build(db, settings, model.entity());
        if (keystore != null) {
            ColumnKeyAdministration admin = ColumnKeyAdministration.builder().sessionFactory(sessionFactory).build();
            admin.createColumnMasterKey(ColumnMasterKeySpec.named("cmk1")
                    .provider("MSSQL_JAVA_KEYSTORE").keyPath(BenchmarkKeystore.ALIAS).allowEnclaveComputations(true));
            admin.createColumnEncryptionKey("cek1", "cmk1");
        }
        for (int from = 0; from < rows; from += 1_000) {
            int first = from;
            sessionFactory.inTransaction(session -> {
                for (int i = first; i < Math.min(rows, first + 1_000); i++) {
                    session.persist(model.create(i + 1, values[i]));
                    if ((i + 1) % SessionFactories.BATCH_SIZE == 0) {
                        session.flush();
                        session.clear();
                    }
                }
            });
        }
        nextId = rows + 1;
        analyze();
        checkRoundTrip(values[rows / 2], rows / 2 + 1);
    }

    /** Measures nothing unless a row reads back as written, by id and, where it can, by the looked-up attribute. */
    private void checkRoundTrip(PersonValues expected, long id) {
        Person byId = sessionFactory.fromTransaction(session -> session.find(model.entity(), id));
        Person byLookup = !model.canLookUp() ? byId : sessionFactory.fromTransaction(session -> session
                .createSelectionQuery(model.lookupQuery(), model.entity())
                .setParameter("nationalId", model.lookupValue(expected)).getSingleResult());
        if (!byId.holds(expected) || !byLookup.holds(expected)) {
            throw new IllegalStateException(model + " on " + db.database() + " does not read back what it wrote");
        }
    }

    private void analyze() {
        if (db.database() == BenchmarkDatabase.POSTGRESQL) {
            db.execute("vacuum analyze " + model.table());
        }
    }

    PersonModel model() {
        return model;
    }

    SessionFactory sessionFactory() {
        return sessionFactory;
    }

    /** Reserves {@code count} new ids for a persist. */
    long reserveIds(int count) {
        long first = nextId;
        nextId += count;
        return first;
    }

    /** Deletes what persists added once it is more than {@code extraRows}, so the table stays near its size. */
    void dropPersistedRowsBeyond(int extraRows) {
        if (nextId > rows + 1 + extraRows) {
            sessionFactory.inTransaction(session -> session.createNativeMutationQuery(
                    "delete from " + model.table() + " where id > " + rows).executeUpdate());
            nextId = rows + 1;
            analyze();
        }
    }

    @Override
    public void close() {
        sessionFactory.close();
    }
}
