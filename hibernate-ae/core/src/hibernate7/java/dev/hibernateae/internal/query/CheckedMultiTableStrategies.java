package dev.hibernateae.internal.query;

import org.hibernate.engine.jdbc.connections.spi.JdbcConnectionAccess;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.internal.MappingModelCreationProcess;
import org.hibernate.query.spi.DomainQueryExecutionContext;
import org.hibernate.query.sqm.internal.DomainParameterXref;
import org.hibernate.query.sqm.mutation.spi.MultiTableHandlerBuildResult;
import org.hibernate.query.sqm.mutation.spi.SqmMultiTableInsertStrategy;
import org.hibernate.query.sqm.mutation.spi.SqmMultiTableMutationStrategy;
import org.hibernate.query.sqm.tree.SqmDeleteOrUpdateStatement;
import org.hibernate.query.sqm.tree.delete.SqmDeleteStatement;
import org.hibernate.query.sqm.tree.insert.SqmInsertStatement;
import org.hibernate.query.sqm.tree.update.SqmUpdateStatement;

/**
 * Hibernate 7's multi-table strategies, wrapped so that every statement they run is first handed to
 * {@link MultiTableMutationCheck#check}. The strategies' interfaces differ between Hibernate lines (7 builds
 * handlers; 6.6 executes directly), so this class has one version per line.
 */
final class CheckedMultiTableStrategies {
    private CheckedMultiTableStrategies() {
    }

    static SqmMultiTableMutationStrategy mutation(SqmMultiTableMutationStrategy delegate) {
        return new Mutation(delegate);
    }

    static SqmMultiTableInsertStrategy insert(SqmMultiTableInsertStrategy delegate) {
        return new Insert(delegate);
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
            MultiTableMutationCheck.check(statement, context);
            return delegate.buildHandler(statement, xref, context);
        }

        @Override
        public int executeUpdate(SqmUpdateStatement<?> statement, DomainParameterXref xref,
                DomainQueryExecutionContext context) {
            MultiTableMutationCheck.check(statement, context);
            return delegate.executeUpdate(statement, xref, context);
        }

        @Override
        public int executeDelete(SqmDeleteStatement<?> statement, DomainParameterXref xref,
                DomainQueryExecutionContext context) {
            MultiTableMutationCheck.check(statement, context);
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
            MultiTableMutationCheck.check(statement, context);
            return delegate.buildHandler(statement, xref, context);
        }

        @Override
        public int executeInsert(SqmInsertStatement<?> statement, DomainParameterXref xref,
                DomainQueryExecutionContext context) {
            MultiTableMutationCheck.check(statement, context);
            return delegate.executeInsert(statement, xref, context);
        }
    }
}
