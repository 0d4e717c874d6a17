package dev.hibernateae.internal.query;

import dev.hibernateae.internal.hibernate.EncryptedAttribute;
import dev.hibernateae.internal.hibernate.ValueFormats;
import org.hibernate.type.AbstractSingleColumnStandardBasicType;
import org.hibernate.type.descriptor.java.JavaType;

/**
 * The type {@link EncryptedQueryTranslator} gives a query parameter of an encrypted attribute in place of the
 * attribute's converted type: Hibernate then hands the parameter's domain value, unconverted, to
 * {@link EncryptingJdbcType}'s binder, which stores it with the formats the query was translated with (rather than
 * the converter, which would use whatever formats are current when the statement is bound).
 */
final class EncryptedParameterType<T> extends AbstractSingleColumnStandardBasicType<T> {
    private final EncryptingJdbcType jdbcType;

    EncryptedParameterType(EncryptedAttribute<T> attribute, ValueFormats formats, JavaType<T> domainType, int form) {
        this(new EncryptingJdbcType(attribute, formats, form), domainType);
    }

    private EncryptedParameterType(EncryptingJdbcType jdbcType, JavaType<T> domainType) {
        super(jdbcType, domainType);
        this.jdbcType = jdbcType;
    }

    EncryptedAttribute<?> attribute() {
        return jdbcType.attribute();
    }

    ValueFormats formats() {
        return jdbcType.formats();
    }

    EncryptingJdbcType encrypting() {
        return jdbcType;
    }

    @Override
    public String getName() {
        return "encrypted parameter of " + jdbcType.attribute().role();
    }
}
