package dev.hibernateae.internal.hibernate;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.EqualitySearch;
import dev.hibernateae.api.RangeSearch;
import dev.hibernateae.internal.orm.ConverterDescriptorAdapter;
import java.lang.annotation.Annotation;
import org.hibernate.binder.AttributeBinder;
import org.hibernate.boot.spi.MetadataBuildingContext;
import org.hibernate.mapping.BasicValue;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;

/**
 * Called by Hibernate for each search annotation ({@code @EqualitySearch}, {@code @IgnoreCaseSearch},
 * {@code @PrefixSearch}, {@code @SuffixSearch}, {@code @RangeSearch}) while the mapping is built: merges it into the
 * attribute's declared searches, which the attribute's converter carries (whichever of this binder and
 * {@link EncryptedAttributeBinder} runs first). {@link EncryptedAttributeIntegrator} checks them once the mapping is
 * complete, and refuses declarations on attributes that are not {@code @Encrypted}.
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
        if (property.getValue() instanceof BasicValue bound
                && ConverterDescriptorAdapter.sourceOf(
                        bound.getJpaAttributeConverterDescriptor()) instanceof EncryptedConverterDescriptor<?> d) {
            // @Encrypted was bound first: its converter carries the searches from now on (also into a runtime
            // that records the mapping at build time and never runs the binders again).
            d.converter().search(runtime.takeSearch(bound));
        }
        if (!(annotation instanceof EqualitySearch)
                && !(annotation instanceof RangeSearch)
                && property.getValue() instanceof BasicValue basic) {
            // Text searches are written as like, upper() and lower(), which Hibernate only accepts on strings.
            basic.setExplicitJdbcTypeAccess(types -> SearchableTextJdbcType.INSTANCE);
        }
    }
}
