package dev.hibernateae.internal.query;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import org.hibernate.metamodel.mapping.JdbcMappingContainer;
import org.hibernate.sql.exec.spi.ExecutionContext;
import org.hibernate.sql.exec.spi.JdbcParameterBindings;

/**
 * One search token a query looks up, bound when the statement runs: the {@code slot}-th of the tokens computed from
 * the query's own parameter bindings (or from a literal). The searched value itself is never rendered or bound.
 * A search of {@code n} contention variants renders {@code n} of these; fewer tokens (a prefix search on an
 * attribute whose suffix search has more variants) repeat the last, which matches nothing more.
 */
final class TokenParameter extends SelfBindingParameter {
    private final Function<ExecutionContext, List<byte[]>> tokens;
    private final int slot;
    private final JdbcMappingContainer binary;

    /** @param binary the type of a {@code byte[]} parameter, which Hibernate asks for (it binds through this) */
    TokenParameter(Function<ExecutionContext, List<byte[]>> tokens, int slot, JdbcMappingContainer binary) {
        this.tokens = tokens;
        this.slot = slot;
        this.binary = binary;
    }

    @Override
    public JdbcMappingContainer getExpressionType() {
        return binary;
    }

    @Override
    public void bindParameterValue(PreparedStatement statement, int startPosition, JdbcParameterBindings bindings,
            ExecutionContext executionContext) throws SQLException {
        List<byte[]> all = tokens.apply(executionContext);
        statement.setBytes(startPosition, all.get(Math.min(slot, all.size() - 1)));
    }

    @Override
    public String toString() {
        return "TokenParameter[" + slot + "]";
    }
}
