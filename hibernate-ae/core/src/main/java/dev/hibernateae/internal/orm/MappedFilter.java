package dev.hibernateae.internal.orm;

/**
 * A {@code @Filter} or {@code @FilterJoinTable} as the boot model holds it, read the same way on every Hibernate line
 * (the boot model's own type moved package between them).
 *
 * @param name the filter's name, as its {@code @FilterDef} declares it
 * @param condition the condition written on the annotation, or null/blank when the definition's default applies
 * @param source the boot model's object, for telling one occurrence from another by identity
 */
public record MappedFilter(String name, String condition, Object source) {
}
