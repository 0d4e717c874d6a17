package dev.hibernateae.spring.data;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.springframework.data.domain.Sort;
import org.springframework.data.repository.query.parser.Part;
import org.springframework.data.repository.query.parser.PartTree;

/**
 * Renders a derived query method's {@link PartTree} ({@code findBySsnAndLastNameOrderByLastName}) as JPQL with the
 * same comparisons, functions and ordering Spring Data JPA uses, so that the query guard can judge it when the
 * repository is created: Spring Data builds the real query only when the method is called, from the argument
 * values. Parameters are placeholders; the JPQL is only checked, never run.
 */
final class DerivedQueryJpql {
    private static final String ROOT = "e";

    private final PartTree tree;
    private final Class<?> domainClass;
    private final String entityName;
    private final List<String> joins = new ArrayList<>();
    private int parameters;

    private DerivedQueryJpql(PartTree tree, Class<?> domainClass, String entityName) {
        this.tree = tree;
        this.domainClass = domainClass;
        this.entityName = entityName;
    }

    /**
     * @param tree the parsed method name
     * @param domainClass the repository's entity class
     * @param entityName the entity name the JPQL's {@code from} clause uses
     */
    static String render(PartTree tree, Class<?> domainClass, String entityName) {
        return new DerivedQueryJpql(tree, domainClass, entityName).render();
    }

    private String render() {
        StringJoiner or = new StringJoiner(" or ");
        for (PartTree.OrPart orPart : tree) {
            StringJoiner and = new StringJoiner(" and ", "(", ")");
            for (Part part : orPart) {
                and.add(predicate(part));
            }
            or.add(and.toString());
        }
        StringJoiner orderBy = new StringJoiner(", ", " order by ", "").setEmptyValue("");
        for (Sort.Order order : tree.getSort()) {
            List<PropertySegment> path = PropertyPaths.of(order.getProperty(), domainClass);
            String expression = path(path);
            if (order.isIgnoreCase() && leaf(path).type() == String.class) {
                expression = "upper(" + expression + ")";
            }
            orderBy.add(expression + (order.isAscending() ? " asc" : " desc"));
        }
        StringBuilder jpql = new StringBuilder("select ").append(ROOT).append(" from ").append(entityName)
                .append(' ').append(ROOT);
        joins.forEach(join -> jpql.append(' ').append(join));
        if (tree.hasPredicate()) {
            jpql.append(" where ").append(or);
        }
        return jpql.append(orderBy).toString();
    }

    private String predicate(Part part) {
        List<PropertySegment> property = PropertyPaths.of(part);
        if (leaf(property).collection()) {
            switch (part.getType()) {
                case IS_EMPTY:
                    return pathWithoutJoiningLeaf(property) + " is empty";
                case IS_NOT_EMPTY:
                    return pathWithoutJoiningLeaf(property) + " is not empty";
                case CONTAINING:
                    return parameter() + " member of " + pathWithoutJoiningLeaf(property);
                case NOT_CONTAINING:
                    return parameter() + " not member of " + pathWithoutJoiningLeaf(property);
                default:
                    break;
            }
        }
        boolean upper = ignoresCase(part);
        String path = upper ? "upper(" + path(property) + ")" : path(property);
        switch (part.getType()) {
            case SIMPLE_PROPERTY:
                return path + " = " + value(upper);
            case NEGATING_SIMPLE_PROPERTY:
                return path + " <> " + value(upper);
            case IN:
                return path + " in " + parameter();
            case NOT_IN:
                return path + " not in " + parameter();
            case LIKE:
            case STARTING_WITH:
            case ENDING_WITH:
            case CONTAINING:
                return path + " like " + value(upper);
            case NOT_LIKE:
            case NOT_CONTAINING:
                return path + " not like " + value(upper);
            case GREATER_THAN:
            case AFTER:
                return path + " > " + parameter();
            case GREATER_THAN_EQUAL:
                return path + " >= " + parameter();
            case LESS_THAN:
            case BEFORE:
                return path + " < " + parameter();
            case LESS_THAN_EQUAL:
                return path + " <= " + parameter();
            case BETWEEN:
                return path + " between " + parameter() + " and " + parameter();
            case IS_NULL:
                return path + " is null";
            case IS_NOT_NULL:
                return path + " is not null";
            case IS_EMPTY:
                return path + " is empty";
            case IS_NOT_EMPTY:
                return path + " is not empty";
            case TRUE:
                return path + " = true";
            case FALSE:
                return path + " = false";
            default:
                // REGEX, NEAR, WITHIN, EXISTS: Spring Data JPA refuses them itself.
                throw new UnsupportedOperationException("Keyword " + part.getType() + " is not supported by JPA");
        }
    }

    private boolean ignoresCase(Part part) {
        return switch (part.shouldIgnoreCase()) {
            case ALWAYS -> true;
            case WHEN_POSSIBLE -> leaf(PropertyPaths.of(part)).type() == String.class;
            case NEVER -> false;
        };
    }

    private String value(boolean upper) {
        return upper ? "upper(" + parameter() + ")" : parameter();
    }

    private String parameter() {
        return ":p" + (++parameters);
    }

    /** The path expression; collection-valued segments are joined, as Spring Data does. */
    private String path(List<PropertySegment> property) {
        String current = ROOT;
        for (PropertySegment segment : property) {
            current = step(current, segment);
        }
        return current;
    }

    /** Like {@link #path}, but leaves the last segment unjoined for {@code is empty} and {@code member of}. */
    private String pathWithoutJoiningLeaf(List<PropertySegment> property) {
        String current = ROOT;
        for (PropertySegment segment : property.subList(0, property.size() - 1)) {
            current = step(current, segment);
        }
        return current + "." + leaf(property).name();
    }

    private static PropertySegment leaf(List<PropertySegment> property) {
        return property.get(property.size() - 1);
    }

    private String step(String current, PropertySegment segment) {
        if (!segment.collection()) {
            return current + "." + segment.name();
        }
        String alias = "j" + (joins.size() + 1);
        joins.add("join " + current + "." + segment.name() + " " + alias);
        return alias;
    }
}
