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
 * A search renders a fixed number of these; places beyond its tokens bind {@link SearchRewriter#NO_TOKEN}, which
 * matches nothing. (Not a repeat of a real token: the database's planner counts each place, and a frequent token
 * repeated dozens of times made it expect thousands of rows and scan the whole table.)
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
        statement.setBytes(startPosition, slot < all.size() ? all.get(slot) : SearchRewriter.NO_TOKEN);
    }

    @Override
    public String toString() {
        return "TokenParameter[" + slot + "]";
    }
}
