package dev.hibernateae.internal.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.testing.TestDatabase;
import dev.hibernateae.testing.TestSessionFactories;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.hibernate.SessionFactory;
import org.hibernate.Version;
import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.spi.QueryOptions;
import org.hibernate.query.spi.QueryParameterBindings;
import org.hibernate.query.SyntaxException;
import org.hibernate.query.sqm.UnknownPathException;
import org.hibernate.query.sqm.internal.DomainParameterXref;
import org.hibernate.query.sqm.mutation.spi.SqmMultiTableMutationStrategyProvider;
import org.hibernate.query.sqm.sql.BaseSqmToSqlAstConverter;
import org.hibernate.query.sqm.sql.SqmTranslator;
import org.hibernate.query.sqm.sql.StandardSqmTranslatorFactory;
import org.hibernate.query.sqm.tree.domain.SqmPath;
import org.hibernate.query.sqm.tree.predicate.SqmComparisonPredicate;
import org.hibernate.query.sqm.tree.select.SqmSelectStatement;
import org.hibernate.service.spi.ServiceRegistryImplementor;
import org.hibernate.sql.ast.spi.SqlAstCreationContext;
import org.hibernate.sql.ast.tree.expression.Expression;
import org.hibernate.sql.ast.tree.predicate.ComparisonPredicate;
import org.hibernate.sql.ast.tree.select.SelectStatement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Each use of Hibernate's internals ({@link OrmInternals}, {@link HqlReading}, {@link HqlOperationReplay}) does, on the Hibernate on the
 * class path, what hibernate-ae relies on ({@code SupportedHibernateTest} checks the release lines these were checked
 * on). When a Hibernate upgrade breaks one of them, this test names it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrmInternalsTest {
    private TestDatabase.Instance db;
    private SessionFactory sessionFactory;

    @Entity(name = "Note")
    @Table(name = "orm_note")
    @Inheritance(strategy = InheritanceType.JOINED)
    public static class Note {
        @Id
        public Long id;
        public String text;
    }

    /** Translates as Hibernate does, remembering the right-hand side of every comparison. */
    public static final class RecordingTranslatorFactory extends StandardSqmTranslatorFactory {
        static final List<Expression> RIGHT_HAND_SIDES = new ArrayList<>();

        @Override
        public SqmTranslator<SelectStatement> createSelectTranslator(SqmSelectStatement<?> statement,
                QueryOptions options, DomainParameterXref xref, QueryParameterBindings bindings,
                LoadQueryInfluencers influencers, SqlAstCreationContext context, boolean deduplicate) {
            return new BaseSqmToSqlAstConverter<>(context, statement, options, influencers, xref, bindings,
                    deduplicate) {
                @Override
                public ComparisonPredicate visitComparisonPredicate(SqmComparisonPredicate predicate) {
                    ComparisonPredicate translated = super.visitComparisonPredicate(predicate);
                    RIGHT_HAND_SIDES.add(translated.getRightHandExpression());
                    return translated;
                }
            };
        }
    }

    @BeforeAll
    void open() {
        db = TestDatabase.H2.create();
        sessionFactory = TestSessionFactories.build(db, null, Map.of("hibernate.query.sqm.translator",
                RecordingTranslatorFactory.class.getName(), "hibernate.jpa.compliance.query", "true"), Note.class);
    }

    @AfterAll
    void close() {
        sessionFactory.close();
        db.close();
    }

    private SessionFactoryImplementor factory() {
        return (SessionFactoryImplementor) sessionFactory;
    }

    @Test
    void hqlCreationOptionsFollowTheSessionFactorysSettings() {
        assertTrue(OrmInternals.hqlCreationOptions(factory()).useStrictJpaCompliance());
    }

    @Test
    void hqlReadingReadsAsHibernateDoesAndShowsEveryAssignedValue() {
        List<String> assigned = new ArrayList<>();
        HqlReading reading = new HqlReading(HibernateLine.sqmCreationContext(factory()),
                OrmInternals.hqlCreationOptions(factory()), (target, value) -> {
                    assigned.add(target.getNavigablePath().getLocalName() + "=" + value.getClass().getSimpleName());
                    return value;
                });
        assertInstanceOf(SqmSelectStatement.class, reading.translate("select n.text from Note n", String.class));
        reading.translate("update Note n set n.text = :t, n.id = 2 where n.id = 1", null);
        reading.translate("insert into Note (id, text) values (3, 'c'), (4, :t)", null);
        assertEquals(List.of("text=SqmNamedParameter", "id=SqmHqlNumericLiteral", "id=SqmHqlNumericLiteral",
                "text=SqmLiteral", "id=SqmHqlNumericLiteral", "text=SqmNamedParameter"), assigned);

        assertThrows(SyntaxException.class, () -> reading.translate("select n.text fro Note n", String.class));
        assertThrows(UnknownPathException.class, () -> reading.translate("select n.nothing from Note n",
                String.class));
    }

    @Test
    void theStandardMultiTableStrategiesAreHibernatesOwn() {
        SqmMultiTableMutationStrategyProvider provider = OrmInternals.standardMultiTableMutationStrategies(Map.of(),
                (ServiceRegistryImplementor) factory().getServiceRegistry());
        assertNotNull(provider);
        assertTrue(provider.getClass().getName().startsWith("org.hibernate."), provider.getClass().getName());
    }

    @Test
    void aParameterIsToldFromALiteralInATranslatedComparison() {
        RecordingTranslatorFactory.RIGHT_HAND_SIDES.clear();
        // An explicit select clause: Hibernate 7.3 refuses an implicit one under strict JPQL compliance, 7.4 allows it.
        sessionFactory.inTransaction(s -> s.createSelectionQuery("select n from Note n where n.text = :t",
                Note.class).setParameter("t", "x").getResultList());
        sessionFactory.inTransaction(s -> s.createSelectionQuery("select n from Note n where n.text = 'y'",
                Note.class).getResultList());
        List<Expression> sides = RecordingTranslatorFactory.RIGHT_HAND_SIDES;
        assertEquals(2, sides.size(), sides::toString);
        assertTrue(OrmInternals.isUnsettledParameter(sides.get(0)), sides.get(0).getClass().getName());
        assertFalse(OrmInternals.isUnsettledParameter(sides.get(1)), sides.get(1).getClass().getName());
    }

    @Test
    void aConverterMarkedNeverAutoAppliedIsAppliedToNoAttribute() {
        assertNull(OrmInternals.neverAutoApplied().getAutoAppliedConverterDescriptorForAttribute(null, null));
    }

    @Test
    void theReplayReportsPathsAndTheOperationsAroundThem() {
        List<String> heard = new ArrayList<>();
        HqlOperationReplay.replay("select n from Note n where upper(n.text) like :p and n.id + 1 = 2",
                OrmInternals.hqlCreationOptions(factory()), HibernateLine.sqmCreationContext(factory()),
                new HqlOperationReplay.Listener() {
                    @Override
                    public void pathRead(SqmPath<?> path) {
                        heard.add("path " + path.getNavigablePath().getLocalName());
                    }

                    @Override
                    public <T> T operation(String operation, Supplier<T> reading) {
                        heard.add("enter " + operation);
                        T result = reading.get();
                        heard.add("leave " + operation);
                        return result;
                    }
                });
        // The select clause reads the root path (Hibernate 7.3 wants the clause under strict JPQL compliance).
        assertEquals(List.of("path " + Note.class.getName(), "enter LIKE", "enter upper()", "path text",
                "leave upper()", "leave LIKE", "enter arithmetic (+)", "path id", "leave arithmetic (+)"), heard);
    }
}
