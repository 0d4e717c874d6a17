package dev.hibernateae.internal.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hibernateae.internal.hibernate.model.fragments.PlainFragments;
import dev.hibernateae.internal.hibernate.model.fragments.PlainFragments.LiteralRestrictedTenant;
import dev.hibernateae.internal.hibernate.model.fragments.PlainFragments.Place;
import dev.hibernateae.internal.hibernate.model.fragments.PlainFragments.PlainOrderedWard;
import dev.hibernateae.internal.hibernate.model.fragments.PlainFragments.Tenant;
import dev.hibernateae.internal.hibernate.model.fragments.PlainFragments.Traveller;
import dev.hibernateae.internal.hibernate.model.fragments.Resident;
import dev.hibernateae.testing.StaticKeyRing;
import dev.hibernateae.testing.TestDatabase;
import dev.hibernateae.testing.TestSessionFactories;
import java.util.List;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/**
 * The same annotations on plain columns of entities with encrypted columns start, and the ones that run here
 * filter and sort as they always did (H2).
 */
class MappedSqlFragmentAllowedTest {

    private static SessionFactory start(TestDatabase.Instance db, Class<?>... entities) {
        return TestSessionFactories.build(db, StaticKeyRing.withRandomKeys("cek1"), entities);
    }

    @Test
    void orderByOnAPlainAttributeSortsTheCollection() {
        try (TestDatabase.Instance db = TestDatabase.H2.create();
                SessionFactory sf = start(db, PlainOrderedWard.class, Resident.class)) {
            Long id = sf.fromTransaction(s -> {
                PlainOrderedWard ward = new PlainOrderedWard();
                for (String name : List.of("Baker", "Cole", "Adams")) {
                    Resident resident = new Resident("123-45-00" + name.length(), name);
                    s.persist(resident);
                    ward.residents.add(resident);
                }
                s.persist(ward);
                return ward.id;
            });
            List<String> names = sf.fromTransaction(s -> s.find(PlainOrderedWard.class, id).residents.stream()
                    .map(r -> r.lastName).toList());
            assertEquals(List.of("Cole", "Baker", "Adams"), names);
        }
    }

    @Test
    void orderByOnAPlainAttributeOfAnEmbeddableElementSortsTheCollection() {
        try (TestDatabase.Instance db = TestDatabase.H2.create(); SessionFactory sf = start(db, Traveller.class)) {
            Long id = sf.fromTransaction(s -> {
                Traveller traveller = new Traveller();
                traveller.aliases.add("Nomad");
                traveller.places.add(new Place("Berlin", "a"));
                traveller.places.add(new Place("Cairo", "b"));
                traveller.places.add(new Place("Accra", "c"));
                s.persist(traveller);
                return traveller.id;
            });
            sf.inTransaction(s -> {
                Traveller traveller = s.find(Traveller.class, id);
                assertEquals(List.of("Cairo", "Berlin", "Accra"), traveller.places.stream().map(p -> p.city).toList());
                assertEquals(List.of("Nomad"), traveller.aliases);
            });
        }
    }

    @Test
    void filterOnAPlainColumnFiltersAndTheEncryptedColumnStillDecrypts() {
        try (TestDatabase.Instance db = TestDatabase.H2.create(); SessionFactory sf = start(db, Tenant.class)) {
            sf.inTransaction(s -> {
                s.persist(new Tenant("111-11-1111", "Smith"));
                s.persist(new Tenant("222-22-2222", "Jones"));
            });
            sf.inTransaction(s -> {
                s.enableFilter("tenantByLastName").setParameter("lastName", "Jones");
                List<Tenant> tenants = s.createQuery("from Tenant", Tenant.class).getResultList();
                assertEquals(1, tenants.size());
                assertEquals("222-22-2222", tenants.get(0).ssn);
                assertEquals("JONES", tenants.get(0).upperLastName);
            });
            sf.inTransaction(s -> {
                s.enableFilter("tenantByParameterSsn").setParameter("ssn", "Smith");
                assertEquals(List.of("111-11-1111"), s.createQuery("select t.ssn from Tenant t", String.class)
                        .getResultList());
            });
        }
    }

    @Test
    void aStringLiteralSpelledLikeAnEncryptedColumnIsNoReference() {
        try (TestDatabase.Instance db = TestDatabase.H2.create();
                SessionFactory sf = start(db, LiteralRestrictedTenant.class)) {
            sf.inTransaction(s -> {
                s.persist(new LiteralRestrictedTenant("111-11-1111", "ssn"));
                s.persist(new LiteralRestrictedTenant("222-22-2222", "tax"));
            });
            assertEquals(List.of("222-22-2222"), sf.fromTransaction(s -> s.createQuery(
                    "select t.ssn from LiteralRestrictedTenant t", String.class).getResultList()));
        }
    }

    @Test
    void aPlainColumnNamedLikeAnEncryptedColumnOfAnotherTableStarts() {
        try (TestDatabase.Instance db = TestDatabase.H2.create()) {
            start(db, PlainFragments.PlainSsnHolder.class, Resident.class).close();
        }
    }

    @Test
    void sqlOrderOnAPlainColumnStarts() {
        try (TestDatabase.Instance db = TestDatabase.H2.create()) {
            start(db, PlainFragments.PlainSqlOrderedWard.class, Resident.class).close();
        }
    }

    @Test
    void orderByNamingAPlainAttributeWhoseNameIsAnEncryptedColumnStarts() {
        try (TestDatabase.Instance db = TestDatabase.H2.create()) {
            start(db, PlainFragments.VoucherBook.class, PlainFragments.Voucher.class).close();
        }
    }
}
