package dev.hibernateae.internal.query;

import dev.hibernateae.internal.orm.OrmInternals;
import java.util.Map;
import org.hibernate.boot.registry.StandardServiceInitiator;
import org.hibernate.engine.jdbc.connections.spi.JdbcConnectionAccess;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.mapping.internal.MappingModelCreationProcess;
import org.hibernate.query.spi.DomainQueryExecutionContext;
import org.hibernate.query.sqm.internal.DomainParameterXref;
import org.hibernate.query.sqm.mutation.spi.MultiTableHandlerBuildResult;
import org.hibernate.query.sqm.mutation.spi.SqmMultiTableInsertStrategy;
import org.hibernate.query.sqm.mutation.spi.SqmMultiTableMutationStrategy;
import org.hibernate.query.sqm.mutation.spi.SqmMultiTableMutationStrategyProvider;
import org.hibernate.query.sqm.tree.SqmDeleteOrUpdateStatement;
import org.hibernate.query.sqm.tree.SqmStatement;
import org.hibernate.query.sqm.tree.delete.SqmDeleteStatement;
import org.hibernate.query.sqm.tree.insert.SqmInsertStatement;
import org.hibernate.query.sqm.tree.update.SqmUpdateStatement;
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

    private static void check(SqmStatement<?> statement, DomainQueryExecutionContext context) {
        QueryStageIntegrator.stageOf(context.getSession().getFactory()).checkUnread(statement);
    }

    private record Provider(SqmMultiTableMutationStrategyProvider delegate)
            implements SqmMultiTableMutationStrategyProvider {
        @Override
        public SqmMultiTableMutationStrategy createMutationStrategy(EntityMappingType entity,
                MappingModelCreationProcess process) {
            SqmMultiTableMutationStrategy strategy = delegate.createMutationStrategy(entity, process);
            return strategy == null ? null : new Mutation(strategy);
        }

        @Override
        public SqmMultiTableInsertStrategy createInsertStrategy(EntityMappingType entity,
                MappingModelCreationProcess process) {
            SqmMultiTableInsertStrategy strategy = delegate.createInsertStrategy(entity, process);
            return strategy == null ? null : new Insert(strategy);
        }
    }

    private record Mutation(SqmMultiTableMutationStrategy delegate) implements SqmMultiTableMutationStrategy {
        @Override
        public void prepare(MappingModelCreationProcess process, JdbcConnectionAccess access) {
            delegate.prepare(process, access);
        }

        @Override
        public void prepare(MappingModelCreationProcess process) {
            delegate.prepare(process);
        }

        @Override
        public void release(SessionFactoryImplementor factory, JdbcConnectionAccess access) {
            delegate.release(factory, access);
        }

        @Override
        public MultiTableHandlerBuildResult buildHandler(SqmDeleteOrUpdateStatement<?> statement,
                DomainParameterXref xref, DomainQueryExecutionContext context) {
            check(statement, context);
            return delegate.buildHandler(statement, xref, context);
        }

        @Override
        public int executeUpdate(SqmUpdateStatement<?> statement, DomainParameterXref xref,
                DomainQueryExecutionContext context) {
            check(statement, context);
            return delegate.executeUpdate(statement, xref, context);
        }

        @Override
        public int executeDelete(SqmDeleteStatement<?> statement, DomainParameterXref xref,
                DomainQueryExecutionContext context) {
            check(statement, context);
            return delegate.executeDelete(statement, xref, context);
        }
    }

    private record Insert(SqmMultiTableInsertStrategy delegate) implements SqmMultiTableInsertStrategy {
        @Override
        public void prepare(MappingModelCreationProcess process, JdbcConnectionAccess access) {
            delegate.prepare(process, access);
        }

        @Override
        public void prepare(MappingModelCreationProcess process) {
            delegate.prepare(process);
        }

        @Override
        public void release(SessionFactoryImplementor factory, JdbcConnectionAccess access) {
            delegate.release(factory, access);
        }

        @Override
        public MultiTableHandlerBuildResult buildHandler(SqmInsertStatement<?> statement, DomainParameterXref xref,
                DomainQueryExecutionContext context) {
            check(statement, context);
            return delegate.buildHandler(statement, xref, context);
        }

        @Override
        public int executeInsert(SqmInsertStatement<?> statement, DomainParameterXref xref,
                DomainQueryExecutionContext context) {
            check(statement, context);
            return delegate.executeInsert(statement, xref, context);
        }
    }
}
