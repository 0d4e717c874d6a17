package dev.hibernateae.internal.orm;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code @Filter} or {@code @FilterJoinTable} as the boot model holds it, read the same way on every Hibernate line
 * (the boot model's own type, {@code FilterConfiguration}, is in {@code org.hibernate.internal} up to 7.1 and in
 * {@code org.hibernate.mapping} from 7.2, with the same accessors).
 *
 * @param name the filter's name, as its {@code @FilterDef} declares it
 * @param condition the condition written on the annotation, or null/blank when the definition's default applies
 * @param source the boot model's object, for telling one occurrence from another by identity
 */
public record MappedFilter(String name, String condition, Object source) {
    private static final ClassValue<Accessors> ACCESSORS = new ClassValue<>() {
        @Override
        protected Accessors computeValue(Class<?> type) {
            return Accessors.of(type);
        }
    };

    /**
     * The filters of a boot model list of {@code FilterConfiguration}s, in their order, read through their public
     * {@code getName()} and {@code getCondition()} whatever package their class is in.
     */
    static List<MappedFilter> readAll(List<?> configurations) {
        List<MappedFilter> filters = new ArrayList<>(configurations.size());
        for (Object configuration : configurations) {
            Accessors accessors = ACCESSORS.get(configuration.getClass());
            try {
                filters.add(new MappedFilter((String) accessors.name.invoke(configuration),
                        (String) accessors.condition.invoke(configuration), configuration));
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("Could not read a filter of Hibernate's boot model", e);
            }
        }
        return filters;
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
