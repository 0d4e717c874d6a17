package dev.hibernateae.internal.guard;

import dev.hibernateae.internal.guard.model.Clinic;
import dev.hibernateae.internal.guard.model.Person;
import dev.hibernateae.internal.guard.model.Residence;
import dev.hibernateae.internal.guard.model.Vip;
import dev.hibernateae.testing.StaticKeyRing;
import dev.hibernateae.testing.TestDatabase;
import dev.hibernateae.testing.TestSessionFactories;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.hibernate.SessionFactory;

/**
 * A database (H2 unless said otherwise) with the guard's test model and four people: Doe and Roe share a zip; Poe is a {@link Vip};
 * Nobody has no encrypted values at all. Clinic North is owned by Roe's SSN.
 */
final class GuardedPeople implements AutoCloseable {
    static final String DOE_SSN = "111-11-1111";
    static final String ROE_SSN = "222-22-2222";
    static final String POE_SSN = "333-33-3333";
    static final String SHARED_ZIP = "12345";

    final TestDatabase.Instance db;
    final SessionFactory sessionFactory;

    private GuardedPeople(TestDatabase.Instance db, SessionFactory sessionFactory) {
        this.db = db;
        this.sessionFactory = sessionFactory;
    }

    static GuardedPeople open() {
        return open(Map.of());
    }

    static GuardedPeople open(Map<String, Object> settings, Class<?>... extraEntities) {
        return open(TestDatabase.H2, settings, extraEntities);
    }

    static GuardedPeople open(TestDatabase database, Map<String, Object> settings, Class<?>... extraEntities) {
        TestDatabase.Instance db = database.create();
        try {
            Class<?>[] entities = new Class<?>[3 + extraEntities.length];
            entities[0] = Person.class;
            entities[1] = Vip.class;
            entities[2] = Clinic.class;
            System.arraycopy(extraEntities, 0, entities, 3, extraEntities.length);
            SessionFactory sf = TestSessionFactories.build(db, StaticKeyRing.withRandomKeys("cek1", "cek2"),
                    settings, entities);
            GuardedPeople people = new GuardedPeople(db, sf);
            people.reset();
            return people;
        } catch (RuntimeException | Error e) {
            db.close();
            throw e;
        }
    }

    /** Deletes everything and inserts the four people and two clinics again. */
    void reset() {
        sessionFactory.inTransaction(s -> {
            s.createMutationQuery("update Person p set p.clinic = null").executeUpdate();
            s.createQuery("from Person", Person.class).getResultList().forEach(s::remove);
            s.createMutationQuery("delete from Clinic").executeUpdate();
        });
        sessionFactory.inTransaction(s -> {
            Clinic north = new Clinic(ROE_SSN, "North");
            Clinic south = new Clinic("999-99-9999", "South");
            s.persist(north);
            s.persist(south);

            Person doe = new Person(DOE_SSN, "Doe");
            doe.email = "doe@example.org";
            doe.note = "first";
            doe.birthDate = LocalDate.of(1980, 1, 1);
            doe.formerSsn = DOE_SSN;
            doe.mrn = 1;
            doe.active = true;
            doe.creditLimit = 10000L;
            doe.age = 30;
            doe.home = new Residence(SHARED_ZIP, "Springfield");
            doe.aliases.addAll(Set.of("JD", "Johnny"));
            doe.secrets.add("s1");
            doe.nicknames.add("jd");
            doe.clinic = north;
            s.persist(doe);

            Person roe = new Person(ROE_SSN, "Roe");
            roe.email = "roe@example.org";
            roe.note = "second";
            roe.mrn = 2;
            roe.creditLimit = 5L;
            roe.active = false;
            roe.age = 40;
            roe.home = new Residence(SHARED_ZIP, "Shelbyville");
            roe.aliases.add("RR");
            roe.clinic = south;
            s.persist(roe);

            Vip poe = new Vip(POE_SSN, "Poe", "GOLD");
            poe.mrn = 3;
            poe.active = true;
            poe.age = 50;
            poe.home = new Residence("99999", "Capital");
            s.persist(poe);

            Person nobody = new Person(null, "Nobody");
            nobody.age = 60;
            s.persist(nobody);
        });
    }

    @Override
    public void close() {
        try {
            sessionFactory.close();
        } finally {
            db.close();
        }
    }
}
