package dev.hibernateae.internal.query;

import org.hibernate.sql.ast.SqlAstWalker;
import org.hibernate.sql.ast.tree.expression.JdbcParameter;
import org.hibernate.sql.exec.spi.JdbcParameterBinder;

/**
 * A JDBC parameter that binds its own value when the statement runs, computed from the query's parameter bindings
 * rather than taken from Hibernate's ({@link FormParameter}: a stored form; {@link TokenParameter}: a search token).
 * Hibernate renders it as {@code ?} and calls it to bind.
 */
abstract class SelfBindingParameter implements JdbcParameter, JdbcParameterBinder {

    @Override
    public final JdbcParameterBinder getParameterBinder() {
        return this;
    }

    /** Hibernate 7's {@code JdbcParameter} asks for it (no {@code @Override}: Hibernate 6.6's has no such method). */
    public Integer getParameterId() {
        return null;
    }

    @Override
    public final void accept(SqlAstWalker walker) {
        walker.visitParameter(this);
    }
}
