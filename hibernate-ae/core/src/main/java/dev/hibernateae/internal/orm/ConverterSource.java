package dev.hibernateae.internal.orm;

import jakarta.persistence.AttributeConverter;
import java.lang.reflect.Type;
import org.hibernate.boot.model.convert.spi.JpaAttributeConverterCreationContext;
import org.hibernate.type.descriptor.converter.spi.JpaAttributeConverter;

/**
 * One attribute's converter instance, described without Hibernate's {@code ConverterDescriptor}, whose shape differs
 * between Hibernate lines: {@link ConverterDescriptorAdapter} turns it into the descriptor of the line on the class
 * path.
 *
 * @param <X> the attribute's (domain) type
 * @param <Y> the column's (relational) type
 */
public interface ConverterSource<X, Y> {
    /** The converter's class, as the descriptor names it. */
    Class<? extends AttributeConverter<X, Y>> converterClass();

    /** The attribute's type, as the converter's type argument would state it. */
    Type domainType();

    /** The column's type. */
    Type relationalType();

    /** The converter as Hibernate's run time calls it. */
    JpaAttributeConverter<X, Y> create(JpaAttributeConverterCreationContext context);
}
