package dev.hibernateae.internal.orm;

import java.util.List;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.grammars.hql.HqlParser;
import org.hibernate.internal.FilterConfiguration;
import org.hibernate.internal.util.StringHelper;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.metamodel.model.domain.EntityDomainType;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.query.sqm.NodeBuilder;
import org.hibernate.query.sqm.SqmExpressible;
import org.hibernate.query.sqm.SqmPathSource;
import org.hibernate.query.sqm.spi.SqmCreationContext;
import org.hibernate.query.sqm.tree.domain.SqmPath;
import org.hibernate.query.sqm.tree.expression.SqmExpression;
import org.hibernate.query.sqm.tree.expression.SqmLiteral;

/**
 * The calls whose names or types differ between Hibernate lines, each behind a method with the same shape on every
 * line. This is the Hibernate 7.x version (hibernate-ae-core); hibernate-ae-core-hibernate6 has a 6.6 one.
 */
public final class HibernateLine {
    /** The artifact built for this line, named in the message when the Hibernate on the class path is another. */
    public static final String ARTIFACT = SupportedHibernate.CORE_HIBERNATE6;

    private HibernateLine() {
    }

    /** The context HQL is read in (Hibernate 7: the criteria builder; 6.6: the session factory). */
    public static SqmCreationContext sqmCreationContext(SessionFactoryImplementor factory) {
        return factory;
    }

    /** The JPA name of an entity ({@code Patient}), as queries and messages name it. */
    public static String jpaEntityName(EntityPersister entity) {
        // 6.6's persister does not know it; the JPA metamodel does (keyed by Hibernate's entity name).
        EntityDomainType<?> type = entity.getFactory().getJpaMetamodel().entity(entity.getEntityName());
        return type != null ? type.getName() : StringHelper.unqualify(entity.getEntityName());
    }

    /** The domain type a path source leads to: an entity type for a to-one attribute or an entity collection. */
    public static Object pathType(SqmPathSource<?> source) {
        return source.getSqmPathType();
    }

    /**
     * The type that carries a query node's value converter: on Hibernate 6.6 an attribute path's node type is its
     * path source, whose path type is the basic type (7 gives the basic type itself).
     */
    public static Object valueType(Object nodeType) {
        return nodeType instanceof SqmPathSource<?> source && !(nodeType instanceof JdbcMapping)
                ? source.getSqmPathType() : nodeType;
    }

    /** {@code LIKE} or {@code ILIKE} (6.6's HQL has no {@code REGEXP}): which operation a LIKE predicate is. */
    public static String likeOperation(HqlParser.LikePredicateContext predicate) {
        return predicate.ILIKE() != null ? "ILIKE" : "LIKE";
    }

    /** A literal {@code value} typed as {@code target} is. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static SqmExpression<?> literalLike(SqmPath<?> target, Object value, NodeBuilder builder) {
        return new SqmLiteral(value, (SqmExpressible) target.getNodeType(), builder);
    }

    /** The {@code @Filter}s of an entity, its superclasses' included. */
    public static List<MappedFilter> filters(PersistentClass entity) {
        return mapped(entity.getFilters());
    }

    /** The {@code @Filter}s of a collection ({@code @FilterJoinTable}s of a many-to-many). */
    public static List<MappedFilter> filters(Collection collection) {
        return mapped(collection.getFilters());
    }

    /** The {@code @Filter}s on the target side of a many-to-many. */
    public static List<MappedFilter> manyToManyFilters(Collection collection) {
        return mapped(collection.getManyToManyFilters());
    }

    private static List<MappedFilter> mapped(List<FilterConfiguration> filters) {
        return filters.stream().map(f -> new MappedFilter(f.getName(), f.getCondition(), f)).toList();
    }
}
