package dev.hibernateae.internal.boot;

import dev.hibernateae.internal.hibernate.EncryptedAttribute;
import dev.hibernateae.internal.hibernate.EncryptedAttributeConverter;
import dev.hibernateae.internal.hibernate.EncryptedAttributeIntegrator;
import dev.hibernateae.internal.hibernate.EncryptionRuntime;
import dev.hibernateae.internal.keys.KeyStartupCheck;
import dev.hibernateae.internal.lifecycle.LifecycleIntegrator;
import dev.hibernateae.internal.orm.SupportedHibernate;
import dev.hibernateae.internal.query.QueryStageIntegrator;
import dev.hibernateae.internal.search.SearchCatalog;
import dev.hibernateae.internal.search.TokenMaintenance;
import dev.hibernateae.internal.search.TokenSpec;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;

/**
 * hibernate-ae's one Integrator, found through {@code META-INF/services}: when a session factory is built, checks
 * the Hibernate version, then, in this order, completes the encrypted attributes from the finished mapping, checks the
 * key hierarchy they need ({@link KeyStartupCheck}, unless {@code hibernate.ae.startup_check=false}), reads the
 * searchable attributes (adding their token tables to the schema and maintaining their tokens), installs the
 * query stage (refusing to start without it when anything is encrypted) and connects the key lifecycle.
 *
 * <p>Hibernate runs integrators before schema generation, so the startup check sees the database as it was before
 * this boot: key tables that {@code hibernate.hbm2ddl.auto} is about to create are absent, and the check skips the
 * keys with a warning rather than failing on tables that will exist, empty, a moment later.
 */
public final class HibernateAeIntegrator implements Integrator {

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor factory) {
        SupportedHibernate.require();
        new EncryptedAttributeIntegrator().integrate(metadata, bootstrapContext, factory);
        EncryptionRuntime runtime = factory.getServiceRegistry().getService(EncryptionRuntime.class);
        checkKeys(factory, runtime);
        SearchCatalog searches = runtime == null ? SearchCatalog.empty() : SearchCatalog.build(metadata, factory);
        if (!searches.isEmpty()) {
            TokenMaintenance maintenance = new TokenMaintenance(searches, runtime);
            EventListenerRegistry listeners = factory.getServiceRegistry().requireService(EventListenerRegistry.class);
            listeners.appendListeners(EventType.POST_INSERT, maintenance);
            listeners.appendListeners(EventType.POST_UPDATE, maintenance);
            listeners.appendListeners(EventType.POST_DELETE, maintenance);
            listeners.appendListeners(EventType.PRE_INSERT, maintenance);
            listeners.appendListeners(EventType.PRE_UPDATE, maintenance);
            listeners.appendListeners(EventType.PRE_DELETE, maintenance);
        }
        QueryStageIntegrator.integrate(factory, runtime != null && !runtime.attributes().isEmpty(), searches);
        new LifecycleIntegrator().integrate(factory, searches.tables().stream().map(TokenSpec::of).toList());
    }

    /**
     * Stops what {@link #integrate} started, when the session factory closes: the key lifecycle watcher's thread,
     * which otherwise outlives the factory and keeps all of it reachable.
     */
    @Override
    public void disintegrate(SessionFactoryImplementor factory, SessionFactoryServiceRegistry registry) {
        new LifecycleIntegrator().disintegrate(factory, registry);
    }

    private static void checkKeys(SessionFactoryImplementor factory, EncryptionRuntime runtime) {
        if (runtime == null || runtime.attributes().isEmpty() || !runtime.keysFromDatabase()
                || !runtime.config().startupCheck()) {
            return;
        }
        SortedMap<String, List<String>> attributesByKey = new TreeMap<>();
        for (EncryptedAttributeConverter<?> converter : runtime.attributes()) {
            EncryptedAttribute<?> attribute = converter.attribute();
            attributesByKey.computeIfAbsent(attribute.keyName(), k -> new ArrayList<>()).add(attribute.simpleRole());
        }
        attributesByKey.values().forEach(roles -> roles.sort(null));
        KeyStartupCheck.run(factory.getServiceRegistry().requireService(KeyHierarchyService.class).hierarchy(),
                runtime.config(), attributesByKey, runtime.unreadableAsNull());
    }
}
