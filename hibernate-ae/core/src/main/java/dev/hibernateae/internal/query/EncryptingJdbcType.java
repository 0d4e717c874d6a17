package dev.hibernateae.internal.query;

import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import dev.hibernateae.internal.hibernate.EncryptedAttribute;
import dev.hibernateae.internal.hibernate.EncryptedAttributeConverter;
import dev.hibernateae.internal.hibernate.ValueFormat;
import dev.hibernateae.internal.hibernate.ValueFormats;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import org.hibernate.type.descriptor.ValueBinder;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.JdbcLiteralFormatter;
import org.hibernate.type.descriptor.jdbc.VarbinaryJdbcType;

/**
 * The JDBC type of a query parameter compared with, or assigned to, an encrypted attribute: binary, like the
 * attribute's column, but bound from the domain value, which its binder turns into one stored form with the
 * {@link ValueFormats} the query was translated with. So the query's shape and every ciphertext bound into it come
 * from one moment of the key lifecycle, and each form is encrypted once, from the value itself.
 */
final class EncryptingJdbcType extends VarbinaryJdbcType {
    private final EncryptedAttribute<?> attribute;
    private final ValueFormats formats;
    private final int form;

    /**
     * @param form 0 for the form the attribute stores (what an assignment writes, what equality matches first),
     *        {@code i > 0} for the {@code i}-th other form an equality matches during a transition
     */
    EncryptingJdbcType(EncryptedAttribute<?> attribute, ValueFormats formats, int form) {
        this.attribute = attribute;
        this.formats = formats;
        this.form = form;
    }

    EncryptedAttribute<?> attribute() {
        return attribute;
    }

    ValueFormats formats() {
        return formats;
    }

    /** The stored form of {@code value}, a value of the attribute's type (or one its Java type can wrap). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    byte[] storedForm(Object value, JavaType<?> javaType, WrapperOptions options) {
        Object domain = attribute.javaType().isInstance(value) ? value : ((JavaType) javaType).wrap(value, options);
        byte[] plaintext = EncryptedAttributeConverter.encode((EncryptedAttribute) attribute, domain);
        try {
            ValueFormat format = formats.format(attribute);
            return form == 0 ? format.store(plaintext) : format.equalityForm(plaintext, form);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /**
     * Binds the stored form of a domain value. Not Hibernate's {@code BasicBinder}, which logs the value it is given
     * (here a plaintext) at TRACE.
     */
    @Override
    public <X> ValueBinder<X> getBinder(JavaType<X> javaType) {
        return new ValueBinder<>() {
            @Override
            public void bind(PreparedStatement st, X value, int index, WrapperOptions options) throws SQLException {
                if (value == null) {
                    st.setNull(index, Types.VARBINARY);
                } else {
                    st.setBytes(index, storedForm(value, javaType, options));
                }
            }

            @Override
            public void bind(CallableStatement st, X value, String name, WrapperOptions options)
                    throws SQLException {
                if (value == null) {
                    st.setNull(name, Types.VARBINARY);
                } else {
                    st.setBytes(name, storedForm(value, javaType, options));
                }
            }
        };
    }

    /** An encrypted value is never written into SQL text: its literal form would be the plaintext. */
    @Override
    public <T> JdbcLiteralFormatter<T> getJdbcLiteralFormatter(JavaType<T> javaType) {
        return (appender, value, dialect, options) -> {
            throw new UnsupportedEncryptedQueryException(attribute.role(), "literal", "A value of encrypted "
                    + "attribute " + attribute.role() + " was to be written into the SQL text, which would put its "
                    + "plaintext there; hibernate-ae refuses it. Bind it as a parameter (do not set an inlining "
                    + "parameter rendering mode for this query)");
        };
    }

    @Override
    public String toString() {
        return "EncryptingJdbcType[" + attribute + ", form " + form + "]";
    }
}
