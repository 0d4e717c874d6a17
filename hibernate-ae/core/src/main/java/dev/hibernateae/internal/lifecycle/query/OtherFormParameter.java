package dev.hibernateae.internal.lifecycle.query;

import dev.hibernateae.internal.hibernate.EncryptedAttributeConverter;
import dev.hibernateae.internal.hibernate.EncryptionRuntime;
import dev.hibernateae.internal.lifecycle.EqualityForms;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.metamodel.mapping.JdbcMappingContainer;
import org.hibernate.query.sqm.sql.internal.SqmParameterInterpretation;
import org.hibernate.sql.ast.SqlAstWalker;
import org.hibernate.sql.ast.tree.expression.Expression;
import org.hibernate.sql.ast.tree.expression.JdbcParameter;
import org.hibernate.sql.exec.ExecutionException;
import org.hibernate.sql.exec.spi.ExecutionContext;
import org.hibernate.sql.exec.spi.JdbcParameterBinder;
import org.hibernate.sql.exec.spi.JdbcParameterBindings;
import org.hibernate.sql.exec.spi.JdbcParameterBinding;

/**
 * A JDBC parameter that binds another stored form of the value bound to a query parameter: the cell under the key
 * being rotated from, or the plaintext text of a column being encrypted in place. Its value is computed when the
 * statement is bound, from the primary parameter's bound cell and the lifecycle state at that moment; when the
 * state no longer has that form, it binds the primary value again (a harmless duplicate in an IN list).
 */
final class OtherFormParameter implements JdbcParameter, JdbcParameterBinder {
    private final Expression primary;
    private final int index;
    private final EncryptedAttributeConverter<?> attribute;
    private final EncryptionRuntime runtime;

    OtherFormParameter(Expression primary, int index, EncryptedAttributeConverter<?> attribute,
            EncryptionRuntime runtime) {
        this.primary = primary;
        this.index = index;
        this.attribute = attribute;
        this.runtime = runtime;
    }

    /** Resolved late: Hibernate may replace a parameter's JDBC parameter after translating the predicate. */
    private JdbcParameter primaryParameter() {
        Expression resolved = primary instanceof SqmParameterInterpretation interpretation
                ? interpretation.getResolvedExpression() : primary;
        if (resolved instanceof JdbcParameter parameter) {
            return parameter;
        }
        throw new IllegalStateException("Expected a JDBC parameter behind " + primary + " for " + attribute.role());
    }

    @Override
    public JdbcParameterBinder getParameterBinder() {
        return this;
    }

    @Override
    public Integer getParameterId() {
        return null;
    }

    @Override
    public JdbcMappingContainer getExpressionType() {
        return primaryParameter().getExpressionType();
    }

    @Override
    public void accept(SqlAstWalker walker) {
        walker.visitParameter(this);
    }

    @Override
    public void bindParameterValue(PreparedStatement statement, int startPosition, JdbcParameterBindings bindings,
            ExecutionContext executionContext) throws SQLException {
        JdbcParameter primaryParameter = primaryParameter();
        JdbcParameterBinding binding = bindings.getBinding(primaryParameter);
        if (binding == null) {
            throw new ExecutionException("JDBC parameter value not bound - " + primaryParameter);
        }
        JdbcMapping mapping = binding.getBindType() != null ? binding.getBindType()
                : primaryParameter.getExpressionType().getSingleJdbcMapping();
        Object bound = binding.getBindValue();
        Object form = bound instanceof byte[] stored ? otherForm(stored) : bound;
        mapping.getJdbcValueBinder().bind(statement, form, startPosition, executionContext.getSession());
    }

    private byte[] otherForm(byte[] stored) {
        List<byte[]> forms = EqualityForms.otherForms(runtime, attribute, stored);
        return index < forms.size() ? forms.get(index) : stored;
    }

    @Override
    public String toString() {
        return "OtherFormParameter[" + attribute.role() + ", form " + index + "]";
    }
}
