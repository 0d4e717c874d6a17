package dev.hibernateae.internal.orm;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import org.hibernate.boot.model.convert.spi.ConverterDescriptor;

/**
 * Hands Hibernate a {@link ConverterDescriptor} it can call on every supported line. From Hibernate 7.3 the
 * descriptor's resolved-type methods return {@link Type}, as hibernate-ae is compiled; before, they return a
 * Classmate {@code ResolvedType}, which a class compiled against 7.3+ does not implement (nor can it call the
 * {@link Type} methods on 7.2's interface). There the descriptor is wrapped in a proxy that answers those two methods
 * with the given types resolved by Classmate (a dependency of those Hibernate releases) and hands the rest on.
 */
public final class ConverterDescriptorAdapter {
    private static final boolean RETURNS_TYPE = returnsType();

    private ConverterDescriptorAdapter() {
    }

    /**
     * The descriptor itself where Hibernate's interface matches, else a proxy that adapts it; {@code domain} and
     * {@code relational} are what the descriptor's resolved-type methods return.
     */
    @SuppressWarnings("unchecked")
    public static <X, Y> ConverterDescriptor<X, Y> forHibernate(ConverterDescriptor<X, Y> descriptor, Type domain,
            Type relational) {
        if (RETURNS_TYPE) {
            return descriptor;
        }
        return (ConverterDescriptor<X, Y>) Proxy.newProxyInstance(ConverterDescriptor.class.getClassLoader(),
                new Class<?>[] {ConverterDescriptor.class}, new ClassmateTypes(descriptor, domain, relational));
    }

    /** The descriptor {@link #forHibernate} was given, from what Hibernate holds. */
    public static ConverterDescriptor<?, ?> unwrap(ConverterDescriptor<?, ?> held) {
        if (held != null && Proxy.isProxyClass(held.getClass())
                && Proxy.getInvocationHandler(held) instanceof ClassmateTypes adapter) {
            return adapter.descriptor;
        }
        return held;
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
