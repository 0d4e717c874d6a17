package dev.hibernateae.internal.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.persistence.AttributeConverter;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.time.LocalDate;
import org.hibernate.boot.model.convert.spi.AutoApplicableConverterDescriptor;
import org.hibernate.boot.model.convert.spi.ConverterDescriptor;
import org.hibernate.boot.model.convert.spi.JpaAttributeConverterCreationContext;
import org.hibernate.type.descriptor.converter.spi.JpaAttributeConverter;
import org.junit.jupiter.api.Test;

/**
 * On the Hibernate line on the class path, the descriptor Hibernate is handed answers its resolved-type methods with
 * the descriptor's types (as {@link Type} from 7.3, as Classmate types before) and leads back to the descriptor.
 */
class ConverterDescriptorAdapterTest {
    @Test
    void hibernateSeesTheDescriptorsTypesAndItsOtherAnswers() throws Exception {
        Stub stub = new Stub();
        ConverterDescriptor<LocalDate, byte[]> adapted = ConverterDescriptorAdapter.forHibernate(stub,
                LocalDate.class, byte[].class);
        assertEquals(LocalDate.class, erased(call(adapted, "getDomainValueResolvedType")));
        assertEquals(byte[].class, erased(call(adapted, "getRelationalValueResolvedType")));
        assertSame(OrmInternals.neverAutoApplied(), adapted.getAutoApplyDescriptor());
        assertEquals(Stub.class, adapted.getAttributeConverterClass());
        assertSame(stub, ConverterDescriptorAdapter.unwrap(adapted));
    }

    @Test
    void unwrappingWhatWasNotAdaptedGivesItBack() {
        Stub stub = new Stub();
        assertSame(stub, ConverterDescriptorAdapter.unwrap(stub));
        assertNull(ConverterDescriptorAdapter.unwrap(null));
    }

    private static Object call(ConverterDescriptor<?, ?> descriptor, String name) throws Exception {
        // Hibernate's own interface, as loaded: its return type differs between lines.
        Method method = ConverterDescriptor.class.getMethod(name);
        return method.invoke(descriptor);
    }

    private static Object erased(Object resolved) throws Exception {
        // Before 7.3 a Classmate ResolvedType (itself a Type), from 7.3 the Type.
        return resolved instanceof Class<?> ? resolved
                : resolved.getClass().getMethod("getErasedType").invoke(resolved);
    }

    private static final class Stub implements ConverterDescriptor<LocalDate, byte[]> {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Class<? extends AttributeConverter<LocalDate, byte[]>> getAttributeConverterClass() {
            return (Class) Stub.class;
        }

        @Override
        public Type getDomainValueResolvedType() {
            return LocalDate.class;
        }

        @Override
        public Type getRelationalValueResolvedType() {
            return byte[].class;
        }

        @Override
        public AutoApplicableConverterDescriptor getAutoApplyDescriptor() {
            return OrmInternals.neverAutoApplied();
        }

        @Override
        public JpaAttributeConverter<LocalDate, byte[]> createJpaAttributeConverter(
                JpaAttributeConverterCreationContext context) {
            throw new UnsupportedOperationException();
        }
    }
}
