package dev.hibernateae.internal.orm;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import org.hibernate.boot.model.convert.spi.ConverterDescriptor;
import org.hibernate.boot.model.convert.spi.JpaAttributeConverterCreationContext;

/**
 * Hands Hibernate 6.6 a {@link ConverterDescriptor} for a {@link ConverterSource} (the 7.x artifact has its own
 * version of this class). 6.6's interface states the converter's types as Classmate {@code ResolvedType}s, and
 * Classmate is only a run-time dependency of Hibernate: the descriptor is a proxy that resolves the source's types
 * with the Classmate beside Hibernate, as the 7.x artifact does on Hibernate 7.2.
 */
public final class ConverterDescriptorAdapter {

    private ConverterDescriptorAdapter() {
    }

    /** The descriptor Hibernate holds for {@code source}. */
    public static ConverterDescriptor forHibernate(ConverterSource<?, ?> source) {
        return (ConverterDescriptor) Proxy.newProxyInstance(ConverterDescriptor.class.getClassLoader(),
                new Class<?>[] {ConverterDescriptor.class}, new SourceDescriptor(source));
    }

    /** The source {@link #forHibernate} was given, from what Hibernate holds; null for another descriptor. */
    public static ConverterSource<?, ?> sourceOf(ConverterDescriptor held) {
        return held != null && Proxy.isProxyClass(held.getClass())
                && Proxy.getInvocationHandler(held) instanceof SourceDescriptor ours ? ours.source : null;
    }

    private static final class SourceDescriptor implements InvocationHandler {
        private final ConverterSource<?, ?> source;
        private Object typeResolver;

        SourceDescriptor(ConverterSource<?, ?> source) {
            this.source = source;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "getAttributeConverterClass":
                    return source.converterClass();
                case "getDomainValueResolvedType":
                    return resolve(source.domainType());
                case "getRelationalValueResolvedType":
                    return resolve(source.relationalType());
                case "getAutoApplyDescriptor":
                    return OrmInternals.neverAutoApplied();
                case "createJpaAttributeConverter":
                    return source.create((JpaAttributeConverterCreationContext) args[0]);
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return "ConverterDescriptor[" + source + "]";
                default:
                    if (method.isDefault()) {
                        return InvocationHandler.invokeDefault(proxy, method, args);
                    }
                    throw new UnsupportedOperationException("ConverterDescriptor." + method.getName());
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
