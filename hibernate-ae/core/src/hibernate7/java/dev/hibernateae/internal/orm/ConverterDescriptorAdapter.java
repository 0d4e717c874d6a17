package dev.hibernateae.internal.orm;

import jakarta.persistence.AttributeConverter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import org.hibernate.boot.model.convert.spi.AutoApplicableConverterDescriptor;
import org.hibernate.boot.model.convert.spi.ConverterDescriptor;
import org.hibernate.boot.model.convert.spi.JpaAttributeConverterCreationContext;
import org.hibernate.type.descriptor.converter.spi.JpaAttributeConverter;

/**
 * Hands Hibernate a {@link ConverterDescriptor} for a {@link ConverterSource}, one it can call on every supported 7.x
 * line (hibernate-ae-core-hibernate6 has its own version of this class). From Hibernate 7.3 the descriptor's
 * resolved-type methods return {@link Type}, as hibernate-ae is compiled; before, they return a Classmate
 * {@code ResolvedType}, which a class compiled against 7.3+ does not implement (nor can it call the {@link Type}
 * methods on 7.2's interface). There the descriptor is wrapped in a proxy that answers those two methods with the
 * source's types resolved by Classmate (a dependency of those Hibernate releases) and hands the rest on.
 */
public final class ConverterDescriptorAdapter {
    private static final boolean RETURNS_TYPE = returnsType();

    private ConverterDescriptorAdapter() {
    }

    /**
     * The descriptor Hibernate holds for {@code source}: one that states the source's types, adapted by a proxy
     * where Hibernate's resolved-type methods return Classmate types.
     */
    @SuppressWarnings("unchecked")
    public static <X, Y> ConverterDescriptor<X, Y> forHibernate(ConverterSource<X, Y> source) {
        ConverterDescriptor<X, Y> descriptor = new SourceDescriptor<>(source);
        if (RETURNS_TYPE) {
            return descriptor;
        }
        return (ConverterDescriptor<X, Y>) Proxy.newProxyInstance(ConverterDescriptor.class.getClassLoader(),
                new Class<?>[] {ConverterDescriptor.class},
                new ClassmateTypes(descriptor, source.domainType(), source.relationalType()));
    }

    /** The source {@link #forHibernate} was given, from what Hibernate holds; null for another descriptor. */
    public static ConverterSource<?, ?> sourceOf(ConverterDescriptor<?, ?> held) {
        ConverterDescriptor<?, ?> descriptor = held;
        if (held != null && Proxy.isProxyClass(held.getClass())
                && Proxy.getInvocationHandler(held) instanceof ClassmateTypes adapter) {
            descriptor = adapter.descriptor;
        }
        return descriptor instanceof SourceDescriptor<?, ?> ours ? ours.source : null;
    }

    private record SourceDescriptor<X, Y>(ConverterSource<X, Y> source) implements ConverterDescriptor<X, Y> {
        @Override
        public Class<? extends AttributeConverter<X, Y>> getAttributeConverterClass() {
            return source.converterClass();
        }

        @Override
        public Type getDomainValueResolvedType() {
            return source.domainType();
        }

        @Override
        public Type getRelationalValueResolvedType() {
            return source.relationalType();
        }

        @Override
        public AutoApplicableConverterDescriptor getAutoApplyDescriptor() {
            return OrmInternals.neverAutoApplied();
        }

        @Override
        public JpaAttributeConverter<X, Y> createJpaAttributeConverter(JpaAttributeConverterCreationContext context) {
            return source.create(context);
        }
    }

    private static boolean returnsType() {
        try {
            return ConverterDescriptor.class.getMethod("getDomainValueResolvedType").getReturnType() == Type.class;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("ConverterDescriptor has no getDomainValueResolvedType()", e);
        }
    }

    private static final class ClassmateTypes implements InvocationHandler {
        private final ConverterDescriptor<?, ?> descriptor;
        private final Type domain;
        private final Type relational;
        private Object typeResolver;

        ClassmateTypes(ConverterDescriptor<?, ?> descriptor, Type domain, Type relational) {
            this.descriptor = descriptor;
            this.domain = domain;
            this.relational = relational;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "getDomainValueResolvedType":
                    return resolve(domain);
                case "getRelationalValueResolvedType":
                    return resolve(relational);
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                default:
                    try {
                        return method.invoke(descriptor, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
            }
        }

        private synchronized Object resolve(Type type) throws ReflectiveOperationException {
            ClassLoader loader = ConverterDescriptor.class.getClassLoader();
            Class<?> resolverClass = Class.forName("com.fasterxml.classmate.TypeResolver", true, loader);
            if (typeResolver == null) {
                typeResolver = resolverClass.getConstructor().newInstance();
            }
            return resolverClass.getMethod("resolve", Type.class, Type[].class).invoke(typeResolver, type,
                    new Type[0]);
        }
    }
}
