package dev.hibernateae.internal.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import dev.hibernateae.internal.guard.model.Clinic;
import dev.hibernateae.internal.orm.HibernateLine;
import dev.hibernateae.testing.TestDatabase;
import dev.hibernateae.testing.TestSessionFactories;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.hql.HqlTranslator;
import org.hibernate.query.hql.internal.StandardHqlTranslator;
import org.hibernate.query.spi.QueryOptions;
import org.hibernate.query.spi.QueryParameterBindings;
import org.hibernate.query.sqm.internal.DomainParameterXref;
import org.hibernate.query.sqm.internal.SqmCreationOptionsStandard;
import org.hibernate.query.sqm.sql.SqmTranslator;
import org.hibernate.query.sqm.sql.StandardSqmTranslatorFactory;
import org.hibernate.query.sqm.tree.SqmStatement;
import org.hibernate.query.sqm.tree.select.SqmSelectStatement;
import org.hibernate.sql.ast.spi.SqlAstCreationContext;
import org.hibernate.sql.ast.tree.select.SelectStatement;
import org.junit.jupiter.api.Test;

/** How the guard is installed: by default, around an application's own translator, and idle when nothing is encrypted. */
class QueryGuardWiringTest {

    /** An application's own translator factory, counting the selects it translates. */
    public static final class CountingTranslatorFactory extends StandardSqmTranslatorFactory {
        static final AtomicInteger SELECTS = new AtomicInteger();

        @Override
        public SqmTranslator<SelectStatement> createSelectTranslator(SqmSelectStatement<?> statement,
                QueryOptions options, DomainParameterXref xref, QueryParameterBindings bindings,
                org.hibernate.engine.spi.LoadQueryInfluencers influencers, SqlAstCreationContext context,
                boolean deduplicate) {
            SELECTS.incrementAndGet();
            return super.createSelectTranslator(statement, options, xref, bindings, influencers, context,
                    deduplicate);
        }
    }

    @Entity(name = "PlainNote")
    @Table(name = "guard_plain_note")
    public static class PlainNote {
        @Id
        public Long id;
        public String text;

        public PlainNote() {
        }

        PlainNote(Long id, String text) {
            this.id = id;
            this.text = text;
        }
    }

    @Test
    void theGuardIsInstalledWithoutAnySetting() {
        try (GuardedPeople people = GuardedPeople.open()) {
            var options = ((SessionFactoryImplementor) people.sessionFactory).getSessionFactoryOptions();
            assertInstanceOf(dev.hibernateae.internal.query.QueryStageFactory.class, options.getCustomSqmTranslatorFactory());
            assertInstanceOf(dev.hibernateae.internal.query.HqlReader.class, options.getCustomHqlTranslator());
        }
    }

    @Test
    void anApplicationsOwnTranslatorFactoryIsWrappedNotReplaced() {
        CountingTranslatorFactory.SELECTS.set(0);
        try (GuardedPeople people = GuardedPeople.open(Map.of("hibernate.query.sqm.translator",
                CountingTranslatorFactory.class.getName()))) {
            List<String> found = people.sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                    "select p.lastName from Person p where p.ssn = :ssn", String.class)
                    .setParameter("ssn", GuardedPeople.DOE_SSN).getResultList());
            assertEquals(List.of("Doe"), found);
            assertTrue(CountingTranslatorFactory.SELECTS.get() > 0, "the application's factory translated nothing");

            int before = CountingTranslatorFactory.SELECTS.get();
            assertThrows(UnsupportedEncryptedQueryException.class, () -> people.sessionFactory.inTransaction(s -> {
                var cb = s.getCriteriaBuilder();
                var q = cb.createQuery(dev.hibernateae.internal.guard.model.Person.class);
                var p = q.from(dev.hibernateae.internal.guard.model.Person.class);
                s.createQuery(q.orderBy(cb.asc(p.get("ssn")))).getResultList();
            }));
            assertEquals(before, CountingTranslatorFactory.SELECTS.get(), "a refused query reached the factory");
        }
    }

    /** An application's own HQL reader, counting what it reads and reading it as Hibernate does. */
    static final class CountingHqlReader implements HqlTranslator {
        final AtomicInteger reads = new AtomicInteger();
        volatile SessionFactoryImplementor factory;

        @Override
        public <R> SqmStatement<R> translate(String hql, Class<R> expectedResultType) {
            reads.incrementAndGet();
            return new StandardHqlTranslator(HibernateLine.sqmCreationContext(factory),
                    new SqmCreationOptionsStandard(factory.getSessionFactoryOptions())).translate(hql,
                    expectedResultType);
        }
    }

    @Test
    void anApplicationsOwnHqlReaderIsWrappedNotReplaced() {
        CountingHqlReader own = new CountingHqlReader();
        try (TestDatabase.Instance db = TestDatabase.H2.create();
                SessionFactory sf = TestSessionFactories.build(db,
                        dev.hibernateae.testing.StaticKeyRing.withRandomKeys("cek1"),
                        Map.of("hibernate.query.hql.translator", own), Clinic.class)) {
            own.factory = (SessionFactoryImplementor) sf;
            sf.inTransaction(s -> s.persist(new Clinic(GuardedPeople.ROE_SSN, "North")));
            assertEquals(List.of("North"), sf.fromTransaction(s -> s.createSelectionQuery(
                    "select c.name from Clinic c where c.ownerSsn = :ssn", String.class)
                    .setParameter("ssn", GuardedPeople.ROE_SSN).getResultList()));
            int reads = own.reads.get();
            assertTrue(reads > 0, "the application's reader read nothing");
            UnsupportedEncryptedQueryException refused = assertThrows(UnsupportedEncryptedQueryException.class,
                    () -> sf.inTransaction(s -> s.createSelectionQuery("from Clinic c order by c.ownerSsn",
                            Clinic.class).getResultList()));
            assertEquals("Clinic.ownerSsn", refused.attribute());
            assertEquals(reads + 1, own.reads.get(), "the refused query was read by the application's reader");
        }
    }

    @Test
    void aPersistenceUnitWithoutEncryptedAttributesQueriesAsUsual() {
        try (TestDatabase.Instance db = TestDatabase.H2.create();
                SessionFactory sf = TestSessionFactories.build(db, null, PlainNote.class)) {
            sf.inTransaction(s -> {
                s.persist(new PlainNote(1L, "beta"));
                s.persist(new PlainNote(2L, "alpha"));
            });
            List<String> texts = sf.fromTransaction(s -> s.createSelectionQuery(
                    "select upper(n.text) from PlainNote n where n.text like '%a' order by n.text", String.class)
                    .getResultList());
            assertEquals(List.of("ALPHA", "BETA"), texts);
        }
    }
}
