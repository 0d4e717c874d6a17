package dev.hibernateae.internal.orm;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code @Filter} or {@code @FilterJoinTable} of the boot model: its name and its own condition. Hibernate keeps
 * them as {@code FilterConfiguration}s, a class that moved from {@code org.hibernate.internal} (7.1 and earlier) to
 * {@code org.hibernate.mapping} (7.2), with the same accessors; they are read here by name, so one jar reads both.
 *
 * @param name the filter's name, as its {@code @FilterDef} declares it
 * @param condition the condition written on the filter itself, or {@code null}/blank to use the definition's
 */
public record MappedFilter(String name, String condition) {
    private static final ClassValue<Accessors> ACCESSORS = new ClassValue<>() {
        @Override
        protected Accessors computeValue(Class<?> type) {
            return Accessors.of(type);
        }
    };

    /**
     * The filters of {@code configurations} (a mapping's {@code getFilters()} list) that are not, as the same
     * objects, among {@code inherited} (its super class's list), in their order.
     */
    public static List<MappedFilter> declared(List<?> configurations, List<?> inherited) {
        List<MappedFilter> filters = new ArrayList<>(configurations.size());
        for (Object configuration : configurations) {
            if (inherited.stream().noneMatch(other -> other == configuration)) {
                filters.add(of(configuration));
            }
        }
        return filters;
    }

    /** The filters of {@code configurations}, a mapping's list of {@code FilterConfiguration}s, in their order. */
    public static List<MappedFilter> all(List<?> configurations) {
        return declared(configurations, List.of());
    }

    private static MappedFilter of(Object configuration) {
        Accessors accessors = ACCESSORS.get(configuration.getClass());
        try {
            return new MappedFilter((String) accessors.name.invoke(configuration),
                    (String) accessors.condition.invoke(configuration));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Could not read a filter of Hibernate's boot model", e);
        }
    }

    private record Accessors(MethodHandle name, MethodHandle condition) {
        static Accessors of(Class<?> type) {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            try {
                return new Accessors(lookup.findVirtual(type, "getName", MethodType.methodType(String.class)),
                        lookup.findVirtual(type, "getCondition", MethodType.methodType(String.class)));
            } catch (NoSuchMethodException | IllegalAccessException e) {
                throw new IllegalStateException("Hibernate's " + type.getName() + " has no public getName() and "
                        + "getCondition(): this Hibernate ORM version is not supported", e);
            }
        }
    }
}
