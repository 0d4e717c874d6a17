package dev.hibernateae.internal.guard;

import java.util.Map;
import org.hibernate.boot.registry.StandardServiceInitiator;
import org.hibernate.engine.jdbc.connections.spi.JdbcConnectionAccess;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.mapping.internal.MappingModelCreationProcess;
import org.hibernate.query.spi.DomainQueryExecutionContext;
import org.hibernate.query.sqm.internal.DomainParameterXref;
import org.hibernate.query.sqm.mutation.internal.SqmMultiTableMutationStrategyProviderInitiator;
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
 * translate the statement themselves instead of through the SQM translator factory. These wrappers check the
 * statement with the {@link QueryGuard} before the strategy Hibernate chose runs it. HQL is already checked when
 * read; this covers Criteria statements.
 */
final class GuardedMutationStrategies {
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
                    return new Provider(SqmMultiTableMutationStrategyProviderInitiator.INSTANCE
                            .initiateService(settings, registry));
                }
            };

    private GuardedMutationStrategies() {
    }

    private static void check(SqmStatement<?> statement, DomainQueryExecutionContext context) {
        QueryGuard guard = QueryGuard.forFactory(context.getSession().getFactory());
        if (guard != null) {
            guard.check(statement);
        }
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
