package dev.hibernateae.internal.boot;

import dev.hibernateae.internal.hibernate.EncryptedAttributeIntegrator;
import dev.hibernateae.internal.hibernate.EncryptionRuntime;
import dev.hibernateae.internal.lifecycle.LifecycleIntegrator;
import dev.hibernateae.internal.orm.SupportedHibernate;
import dev.hibernateae.internal.query.QueryStageIntegrator;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;

/**
 * hibernate-ae's one Integrator, found through {@code META-INF/services}: when a session factory is built, checks
 * the Hibernate version, then, in this order, completes the encrypted attributes from the finished mapping, installs
 * the query stage (refusing to start without it when anything is encrypted) and connects the key lifecycle.
 */
public final class HibernateAeIntegrator implements Integrator {

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor factory) {
        SupportedHibernate.require();
        new EncryptedAttributeIntegrator().integrate(metadata, bootstrapContext, factory);
        EncryptionRuntime runtime = factory.getServiceRegistry().getService(EncryptionRuntime.class);
        QueryStageIntegrator.integrate(factory, runtime != null && !runtime.attributes().isEmpty());
        new LifecycleIntegrator().integrate(metadata, bootstrapContext, factory);
    }
}
