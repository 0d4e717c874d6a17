package dev.hibernateae.internal.hibernate;

import dev.hibernateae.internal.orm.ConverterSource;
import jakarta.persistence.AttributeConverter;
import java.lang.reflect.Type;
import org.hibernate.boot.model.convert.spi.JpaAttributeConverterCreationContext;
import org.hibernate.resource.beans.spi.ManagedBean;
import org.hibernate.type.descriptor.converter.spi.JpaAttributeConverter;
import org.hibernate.type.descriptor.java.JavaType;

/**
 * Hands one attribute's converter instance to Hibernate (as the descriptor
 * {@link dev.hibernateae.internal.orm.ConverterDescriptorAdapter} makes of it). Hibernate's own instance-based
 * descriptor reads the domain type from the converter class's type arguments, which for a generic converter is
 * {@code Object}; this one states the attribute's real type so Hibernate matches parameters and literals against it.
 */
final class EncryptedConverterDescriptor<T> implements ConverterSource<T, byte[]> {
    private final EncryptedAttributeConverter<T> converter;

    EncryptedConverterDescriptor(EncryptedAttributeConverter<T> converter) {
        this.converter = converter;
    }

    EncryptedAttributeConverter<T> converter() {
        return converter;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Class<? extends AttributeConverter<T, byte[]>> converterClass() {
        return (Class) EncryptedAttributeConverter.class;
    }

    @Override
    public Type domainType() {
        return converter.attribute().javaType();
    }

    @Override
    public Type relationalType() {
        return byte[].class;
    }

    @Override
    public JpaAttributeConverter<T, byte[]> create(JpaAttributeConverterCreationContext context) {
        // getDescriptor(Type): the one lookup with the same signature on every supported Hibernate line
        // (resolveDescriptor(Class) is 7.2 and later).
        JavaType<T> domain = context.getJavaTypeRegistry().getDescriptor(converter.attribute().javaType());
        JavaType<byte[]> relational = context.getJavaTypeRegistry().getDescriptor(byte[].class);
        JavaType<EncryptedAttributeConverter<T>> converterType =
                context.getJavaTypeRegistry().getDescriptor(EncryptedAttributeConverter.class);
        return new Bean<>(converter, domain, relational, converterType);
    }

    /** The converter as Hibernate's runtime sees it; {@link #getConverterBean()} leads back to our instance. */
    static final class Bean<T> implements JpaAttributeConverter<T, byte[]>, ManagedBean<EncryptedAttributeConverter<T>> {
        private final EncryptedAttributeConverter<T> converter;
        private final JavaType<T> domain;
        private final JavaType<byte[]> relational;
        private final JavaType<EncryptedAttributeConverter<T>> converterType;

        Bean(EncryptedAttributeConverter<T> converter, JavaType<T> domain, JavaType<byte[]> relational,
                JavaType<EncryptedAttributeConverter<T>> converterType) {
            this.converter = converter;
            this.domain = domain;
            this.relational = relational;
            this.converterType = converterType;
        }

        EncryptedAttributeConverter<T> converter() {
            return converter;
        }

        @Override
        public T toDomainValue(byte[] relationalValue) {
            return converter.convertToEntityAttribute(relationalValue);
        }

        @Override
        public byte[] toRelationalValue(T domainValue) {
            return converter.convertToDatabaseColumn(domainValue);
        }

        @Override
        public JavaType<T> getDomainJavaType() {
            return domain;
        }

        @Override
        public JavaType<byte[]> getRelationalJavaType() {
            return relational;
        }

        @Override
        public JavaType<? extends AttributeConverter<T, byte[]>> getConverterJavaType() {
            return converterType;
        }

        @Override
        public ManagedBean<? extends AttributeConverter<T, byte[]>> getConverterBean() {
            return this;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Class<EncryptedAttributeConverter<T>> getBeanClass() {
            return (Class) EncryptedAttributeConverter.class;
        }

        @Override
        public EncryptedAttributeConverter<T> getBeanInstance() {
            return converter;
        }

        @Override
        public String toString() {
            return converter.toString();
        }
    }

}
