package dev.hibernateae.internal.orm;

import java.util.Map;
import org.hibernate.boot.model.convert.internal.AutoApplicableConverterDescriptorBypassedImpl;
import org.hibernate.boot.model.convert.spi.AutoApplicableConverterDescriptor;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.hql.spi.SqmCreationOptions;
import org.hibernate.query.sqm.internal.SqmCreationOptionsStandard;
import org.hibernate.query.sqm.mutation.internal.SqmMultiTableMutationStrategyProviderInitiator;
import org.hibernate.query.sqm.mutation.spi.SqmMultiTableMutationStrategyProvider;
import org.hibernate.query.sqm.sql.internal.SqmParameterInterpretation;
import org.hibernate.service.spi.ServiceRegistryImplementor;
import org.hibernate.sql.ast.tree.expression.Expression;

/** What hibernate-ae needs from Hibernate's internal classes, each behind a method that says what it is for. */
public final class OrmInternals {
    private OrmInternals() {
    }

    /** The options HQL is read with, as Hibernate's query engine derives them from the session factory's options. */
    public static SqmCreationOptions hqlCreationOptions(SessionFactoryImplementor factory) {
        return new SqmCreationOptionsStandard(factory.getSessionFactoryOptions());
    }

    /** Hibernate's own provider of the strategies that run bulk statements on entities spread over several tables. */
    public static SqmMultiTableMutationStrategyProvider standardMultiTableMutationStrategies(
            Map<String, Object> settings, ServiceRegistryImplementor registry) {
        return SqmMultiTableMutationStrategyProviderInitiator.INSTANCE.initiateService(settings, registry);
    }

    /**
     * Whether a translated expression is a query parameter whose JDBC parameters Hibernate has not settled yet (it
     * may still replace them), as opposed to a literal, a column or a function.
     */
    public static boolean isUnsettledParameter(Expression expression) {
        return expression instanceof SqmParameterInterpretation;
    }

    /** The marker that keeps a converter from ever being applied automatically to other attributes. */
    public static AutoApplicableConverterDescriptor neverAutoApplied() {
        return AutoApplicableConverterDescriptorBypassedImpl.INSTANCE;
    }
}
