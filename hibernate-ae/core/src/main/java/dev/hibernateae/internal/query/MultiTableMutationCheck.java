package dev.hibernateae.internal.query;

import dev.hibernateae.internal.orm.OrmInternals;
import java.util.Map;
import org.hibernate.boot.registry.StandardServiceInitiator;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.mapping.internal.MappingModelCreationProcess;
import org.hibernate.query.spi.DomainQueryExecutionContext;
import org.hibernate.query.sqm.mutation.spi.SqmMultiTableInsertStrategy;
import org.hibernate.query.sqm.mutation.spi.SqmMultiTableMutationStrategy;
import org.hibernate.query.sqm.mutation.spi.SqmMultiTableMutationStrategyProvider;
import org.hibernate.query.sqm.tree.SqmStatement;
import org.hibernate.service.spi.ServiceRegistryImplementor;

/**
 * Bulk UPDATE and DELETE on entities spread over several tables (joined inheritance, secondary tables) and INSERT
 * ... SELECT into entities with generated identifiers run through Hibernate's multi-table strategies, which
 * translate most of the statement themselves instead of through the SQM translator factory. These wrappers hand
 * the statement to the {@link QueryStage} before the strategy Hibernate chose runs it (an HQL statement was checked
 * when read and is not walked again; this covers Criteria statements).
 */
final class MultiTableMutationCheck {
    /** Replaces Hibernate's provider initiator with one that wraps the provider it creates. */
    static final StandardServiceInitiator<SqmMultiTableMutationStrategyProvider> INITIATOR =
            new StandardServiceInitiator<>() {
                @Override
                public Class<SqmMultiTableMutationStrategyProvider> getServiceInitiated() {
                    return SqmMultiTableMutationStrategyProvider.class;
                }

                @Override
                public SqmMultiTableMutationStrategyProvider initiateService(Map<String, Object> settings,
                        ServiceRegistryImplementor registry) {
                    return new Provider(OrmInternals.standardMultiTableMutationStrategies(settings, registry));
                }
            };

    private MultiTableMutationCheck() {
    }

    static boolean isInstalled(Object provider) {
        return provider instanceof Provider;
    }

    /** Hands a statement a multi-table strategy is about to run to the query stage. */
    static void check(SqmStatement<?> statement, DomainQueryExecutionContext context) {
        QueryStageIntegrator.stageOf(context.getSession().getFactory()).checkUnread(statement);
    }

    private record Provider(SqmMultiTableMutationStrategyProvider delegate)
            implements SqmMultiTableMutationStrategyProvider {
        @Override
        public SqmMultiTableMutationStrategy createMutationStrategy(EntityMappingType entity,
                MappingModelCreationProcess process) {
            SqmMultiTableMutationStrategy strategy = delegate.createMutationStrategy(entity, process);
            return strategy == null ? null : CheckedMultiTableStrategies.mutation(strategy);
        }

        @Override
        public SqmMultiTableInsertStrategy createInsertStrategy(EntityMappingType entity,
                MappingModelCreationProcess process) {
            SqmMultiTableInsertStrategy strategy = delegate.createInsertStrategy(entity, process);
            return strategy == null ? null : CheckedMultiTableStrategies.insert(strategy);
        }
    }
}
