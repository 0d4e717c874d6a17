package dev.hibernateae.internal.hibernate;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.ColumnEncryptionKeyException;
import dev.hibernateae.api.ColumnMasterKeyException;
import dev.hibernateae.api.UnsupportedPlaintextException;
import dev.hibernateae.internal.orm.HibernateLine;
import jakarta.persistence.AttributeConverter;
import java.util.Arrays;
import java.util.Objects;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.type.descriptor.converter.spi.BasicValueConverter;
import org.hibernate.type.descriptor.converter.spi.JpaAttributeConverter;

/**
 * The converter of one {@code @Encrypted} attribute: codec, then format. The attribute's codec turns a value into
 * normalized plaintext bytes; the {@link ValueFormat} that the current moment of the key lifecycle hands out for the
 * attribute turns them into the stored form (a cell), and back. Hibernate applies it to the attribute's reads and
 * writes, and to literals compared with the attribute.
 */
public final class EncryptedAttributeConverter<T> implements AttributeConverter<T, byte[]> {
    private final EncryptionRuntime runtime;
    private volatile EncryptedAttribute<T> attribute;
    /** The format of the last moment asked for: in the steady state, one reference comparison per value. */
    private volatile CachedFormat cached;
    private volatile SearchOptions search = SearchOptions.NONE;

    private record CachedFormat(ValueFormats formats, EncryptedAttribute<?> attribute, ValueFormat format) {
    }

    EncryptedAttributeConverter(EncryptedAttribute<T> attribute, EncryptionRuntime runtime) {
        this.attribute = Objects.requireNonNull(attribute, "attribute");
        this.runtime = Objects.requireNonNull(runtime, "runtime");
    }

    @Override
    public byte[] convertToDatabaseColumn(T value) {
        if (value == null) {
            return null;
        }
        EncryptedAttribute<T> a = attribute;
        return store(a, format(a), value);
    }

    @Override
    public T convertToEntityAttribute(byte[] stored) {
        if (stored == null) {
            return null;
        }
        EncryptedAttribute<T> a = attribute;
        byte[] plaintext;
        try {
            plaintext = format(a).load(stored);
        } catch (ColumnMasterKeyException | ColumnEncryptionKeyException e) {
            if (runtime.unreadableAsNull() && !a.collectionElement()) {
                return null;
            }
            throw e;
        }
        return decode(a, plaintext);
    }

    /** A cell of {@code value} whatever the window: what the second-level cache holds, never plaintext. */
    byte[] toCell(T value) {
        EncryptedAttribute<T> a = attribute;
        byte[] plaintext = encode(a, value);
        try {
            return format(a).cell(plaintext);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /**
     * Encrypts a value as this attribute stores it, for native SQL; type-checked so a wrong value type is a clear
     * error instead of a cell that matches nothing.
     */
    public byte[] encryptValue(Object value) {
        EncryptedAttribute<T> a = attribute;
        if (value != null && !a.javaType().isInstance(value)) {
            throw new AlwaysEncryptedException("Encrypted attribute " + a.role() + " holds " + a.javaType().getName()
                    + " values, not " + value.getClass().getName());
        }
        return convertToDatabaseColumn(a.javaType().cast(value));
    }

    /** The attribute's format in the current moment of the key lifecycle (or the one a translation pinned). */
    private ValueFormat format(EncryptedAttribute<T> a) {
        ValueFormats formats = runtime.formats();
        CachedFormat last = cached;
        if (last != null && last.formats() == formats && last.attribute() == a) {
            return last.format();
        }
        ValueFormat format = formats.format(a);
        cached = new CachedFormat(formats, a, format);
        return format;
    }

    static <T> byte[] store(EncryptedAttribute<T> attribute, ValueFormat format, T value) {
        byte[] plaintext = encode(attribute, value);
        try {
            return format.store(plaintext);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /** The normalized plaintext bytes of a value, refused with the attribute's name when the codec cannot. */
    public static <T> byte[] encode(EncryptedAttribute<T> attribute, T value) {
        try {
            return attribute.codec().encode(value);
        } catch (UnsupportedPlaintextException e) {
            throw new UnsupportedPlaintextException("Cannot encrypt " + attribute.role() + ": " + e.getMessage(), e);
        }
    }

    /** The value of normalized plaintext bytes, which this call zeroes. */
    public static <T> T decode(EncryptedAttribute<T> attribute, byte[] plaintext) {
        try {
            return attribute.codec().decode(plaintext);
        } catch (UnsupportedPlaintextException e) {
            throw new UnsupportedPlaintextException("Cannot read " + attribute.role() + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /**
     * hibernate-ae's converter behind a Hibernate type (a {@link JdbcMapping} of an encrypted attribute, or a query
     * path typed by one), or {@code null}. Hibernate wraps the converter in a {@link JpaAttributeConverter} whose bean
     * instance is the {@code EncryptedAttributeConverter} itself.
     */
    public static EncryptedAttributeConverter<?> behind(Object type) {
        if (!(HibernateLine.valueType(type) instanceof JdbcMapping mapping)) {
            return null;
        }
        BasicValueConverter<?, ?> converter = mapping.getValueConverter();
        if (converter instanceof JpaAttributeConverter<?, ?> jpa && jpa.getConverterBean() != null
                && jpa.getConverterBean().getBeanInstance() instanceof EncryptedAttributeConverter<?> encrypted) {
            return encrypted;
        }
        return null;
    }

    /** What this attribute is: fixed once the mapping is complete. */
    public EncryptedAttribute<T> attribute() {
        return attribute;
    }

    /** Called once the mapping is complete, with the attribute's full role, column and its table's row key. */
    void locate(String role, String table, String column, java.util.List<String> rowKey) {
        attribute = attribute.locatedAt(role, table, column, rowKey);
    }

    /** The searches the attribute declared; {@link SearchOptions#NONE} when none. */
    public SearchOptions search() {
        return search;
    }

    void search(SearchOptions options) {
        this.search = java.util.Objects.requireNonNull(options, "options");
    }

    @Override
    public String toString() {
        return "EncryptedAttributeConverter[" + attribute + "]";
    }
}
