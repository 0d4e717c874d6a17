package dev.hibernateae.quarkus.deployment;

import dev.hibernateae.quarkus.HibernateAeRecorder;
import dev.hibernateae.quarkus.HibernateAeStaticInitRecorder;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.hibernate.orm.deployment.PersistenceUnitDescriptorBuildItem;
import io.quarkus.hibernate.orm.deployment.integration.HibernateOrmIntegrationRuntimeConfiguredBuildItem;
import io.quarkus.hibernate.orm.deployment.integration.HibernateOrmIntegrationStaticConfiguredBuildItem;
import java.util.List;

/**
 * Registers hibernate-ae with every Hibernate ORM persistence unit: its build-time settings when Quarkus builds the
 * mapping, and, when the application starts, its run-time settings, the core's services and the query stage (which
 * Quarkus would otherwise leave out: it rebuilds the service registry without Hibernate's service contributors).
 */
class HibernateAeProcessor {
    /** The name of the integration in Quarkus' logs and in Hibernate ORM's integration lists. */
    static final String FEATURE = "hibernate-ae";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    @BuildStep
    @Record(ExecutionTime.STATIC_INIT)
    void mappingSettings(HibernateAeStaticInitRecorder recorder, List<PersistenceUnitDescriptorBuildItem> units,
            BuildProducer<HibernateOrmIntegrationStaticConfiguredBuildItem> integrations) {
        for (PersistenceUnitDescriptorBuildItem unit : units) {
            integrations.produce(new HibernateOrmIntegrationStaticConfiguredBuildItem(FEATURE,
                    unit.getPersistenceUnitName()).setInitListener(recorder.staticInitListener()));
        }
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void runtimeServices(HibernateAeRecorder recorder, List<PersistenceUnitDescriptorBuildItem> units,
            BuildProducer<HibernateOrmIntegrationRuntimeConfiguredBuildItem> integrations) {
        for (PersistenceUnitDescriptorBuildItem unit : units) {
            integrations.produce(new HibernateOrmIntegrationRuntimeConfiguredBuildItem(FEATURE,
                    unit.getPersistenceUnitName()).setInitListener(recorder.runtimeInitListener()));
        }
    }
}
