package dev.hibernateae.internal.hibernate;

import dev.hibernateae.api.AlwaysEncryptedException;
import java.lang.annotation.Annotation;
import org.hibernate.binder.AttributeBinder;
import org.hibernate.boot.spi.MetadataBuildingContext;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;

/**
 * Called by Hibernate for each search annotation ({@code @EqualitySearch}, {@code @IgnoreCaseSearch},
 * {@code @PrefixSearch}, {@code @SuffixSearch}) while the mapping is built: records it against the attribute's value,
 * for {@link EncryptedAttributeIntegrator} to check and attach once the mapping is complete (when it is known whether
 * the attribute is {@code @Encrypted}, of which type, and in which table).
 */
public final class SearchAnnotationBinder implements AttributeBinder<Annotation> {

    @Override
    public void bind(Annotation annotation, MetadataBuildingContext context, PersistentClass entity,
            Property property) {
        String role = entity.getEntityName() + "." + property.getName();
        EncryptionRuntime runtime = context.getBootstrapContext().getServiceRegistry().getService(EncryptionRuntime.class);
        if (runtime == null) {
            throw new AlwaysEncryptedException(SearchOptions.name(annotation) + " on " + role + ": hibernate-ae's "
                    + "service is not registered (is hibernate-ae-core on the class path with its META-INF/services?)");
        }
        if (property.getValue() instanceof Collection) {
            throw new AlwaysEncryptedException(SearchOptions.name(annotation) + " on " + role + ": search tokens are "
                    + "not supported on collections yet; search an entity attribute, or query the collection with "
                    + "MEMBER OF on a DETERMINISTIC element");
        }
        runtime.declareSearch(property.getValue(), annotation, role);
        if (!(annotation instanceof dev.hibernateae.api.EqualitySearch)
                && !(annotation instanceof dev.hibernateae.api.RangeSearch)
                && property.getValue() instanceof org.hibernate.mapping.BasicValue basic) {
            // Text searches are written as like, upper() and lower(), which Hibernate only accepts on strings.
            basic.setExplicitJdbcTypeAccess(types -> SearchableTextJdbcType.INSTANCE);
        }
    }
}
