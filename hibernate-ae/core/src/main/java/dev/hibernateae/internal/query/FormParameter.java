package dev.hibernateae.internal.query;

import dev.hibernateae.internal.hibernate.EncryptedAttribute;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Iterator;
import org.hibernate.metamodel.mapping.JdbcMappingContainer;
import org.hibernate.query.spi.QueryParameterBinding;
import org.hibernate.query.spi.QueryParameterImplementor;
import org.hibernate.sql.exec.ExecutionException;
import org.hibernate.sql.exec.spi.ExecutionContext;
import org.hibernate.sql.exec.spi.JdbcParameterBindings;

/**
 * The JDBC parameter that a query parameter of an encrypted attribute renders as: it binds one stored form of the
 * parameter's value (form 0, the one the attribute stores; or another form an equality matches during a transition),
 * computed from the domain value, taken from the query's own parameter bindings, with the formats the query was
 * translated with. Whatever Hibernate's JDBC parameter for the query parameter received is never rendered or bound,
 * so the value reaches neither Hibernate's value binders nor their logging.
 */
final class FormParameter extends SelfBindingParameter {
    private final EncryptedParameterType<?> type;
    private final QueryParameterImplementor<?> parameter;
    private final int valueIndex;

    /**
     * @param type the attribute, the formats and which form
     * @param parameter the query parameter whose value is stored
     * @param valueIndex which value of a multi-valued binding ({@code in :list}), or -1 for a single value
     */
    FormParameter(EncryptedParameterType<?> type, QueryParameterImplementor<?> parameter, int valueIndex) {
        this.type = type;
        this.parameter = parameter;
        this.valueIndex = valueIndex;
    }

    /** The same value in another form. */
    FormParameter inForm(EncryptedParameterType<?> other) {
        return new FormParameter(other, parameter, valueIndex);
    }

    EncryptedAttribute<?> attribute() {
        return type.attribute();
    }

    @Override
    public JdbcMappingContainer getExpressionType() {
        return type;
    }

    @Override
    public void bindParameterValue(PreparedStatement statement, int startPosition, JdbcParameterBindings bindings,
            ExecutionContext executionContext) throws SQLException {
        Object value = value(executionContext);
        if (value == null) {
            statement.setNull(startPosition, Types.VARBINARY);
            return;
        }
        statement.setBytes(startPosition, type.encrypting().storedForm(value, type.getJavaTypeDescriptor(),
                executionContext.getSession()));
    }

    private Object value(ExecutionContext executionContext) {
        QueryParameterBinding<?> binding = executionContext.getQueryParameterBindings().getBinding(parameter);
        if (binding == null || !binding.isBound()) {
            throw new ExecutionException("Query parameter " + parameter + " compared with "
                    + type.attribute().role() + " is not bound");
        }
        if (valueIndex < 0) {
            return binding.getBindValue();
        }
        Iterator<?> values = binding.getBindValues().iterator();
        for (int i = 0; i < valueIndex; i++) {
            values.next();
        }
        return values.next();
    }

    @Override
    public String toString() {
        return "FormParameter[" + type.encrypting() + ", " + parameter + (valueIndex < 0 ? "" : "#" + valueIndex)
                + "]";
    }
}
