package dev.hibernateae.internal.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.persistence.AttributeConverter;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.time.LocalDate;
import org.hibernate.boot.model.convert.spi.ConverterDescriptor;
import org.hibernate.boot.model.convert.spi.JpaAttributeConverterCreationContext;
import org.hibernate.type.descriptor.converter.spi.JpaAttributeConverter;
import org.junit.jupiter.api.Test;

/**
 * On the Hibernate line on the class path, the descriptor Hibernate is handed answers its resolved-type methods with
 * the source's types (as {@link Type} from 7.3, as Classmate types before) and leads back to the source.
 */
class ConverterDescriptorAdapterTest {
    @Test
    void hibernateSeesTheSourcesTypesAndItsOtherAnswers() throws Exception {
        Stub stub = new Stub();
        var adapted = ConverterDescriptorAdapter.forHibernate(stub);
        assertEquals(LocalDate.class, erased(call(adapted, "getDomainValueResolvedType")));
        assertEquals(byte[].class, erased(call(adapted, "getRelationalValueResolvedType")));
        assertSame(OrmInternals.neverAutoApplied(), adapted.getAutoApplyDescriptor());
        assertEquals(Stub.class, call(adapted, "getAttributeConverterClass"));
        assertSame(stub, ConverterDescriptorAdapter.sourceOf(adapted));
    }

    @Test
    void anotherDescriptorHasNoSource() {
        assertNull(ConverterDescriptorAdapter.sourceOf(null));
    }

    private static Object call(Object descriptor, String name) throws Exception {
        // Hibernate's own interface, as loaded: its return types differ between lines.
        Method method = ConverterDescriptor.class.getMethod(name);
        return method.invoke(descriptor);
    }

    private static Object erased(Object resolved) throws Exception {
        // Before 7.3 a Classmate ResolvedType (itself a Type), from 7.3 the Type.
        return resolved instanceof Class<?> ? resolved
                : resolved.getClass().getMethod("getErasedType").invoke(resolved);
    }

    private static final class Stub implements ConverterSource<LocalDate, byte[]> {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Class<? extends AttributeConverter<LocalDate, byte[]>> converterClass() {
            return (Class) Stub.class;
        }

        @Override
        public Type domainType() {
            return LocalDate.class;
        }

        @Override
        public Type relationalType() {
            return byte[].class;
        }

        @Override
        public JpaAttributeConverter<LocalDate, byte[]> create(JpaAttributeConverterCreationContext context) {
            throw new UnsupportedOperationException();
        }
    }
}
