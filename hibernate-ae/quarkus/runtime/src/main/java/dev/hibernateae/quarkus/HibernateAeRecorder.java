package dev.hibernateae.quarkus;

import io.quarkus.hibernate.orm.runtime.integration.HibernateOrmIntegrationRuntimeInitListener;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;

/**
 * Creates, when the application starts, the listener that installs hibernate-ae in each persistence unit, with the
 * run-time configuration of that moment.
 */
@Recorder
public class HibernateAeRecorder {
    private final RuntimeValue<HibernateAeRuntimeConfig> config;

    /** @param config {@code quarkus.hibernate-ae.*}, as Quarkus injects it */
    public HibernateAeRecorder(RuntimeValue<HibernateAeRuntimeConfig> config) {
        this.config = config;
    }

    /**
     * The listener of every persistence unit: the core's services and query stage, and these settings. Runs on the
     * thread that starts the application, whose context class loader is the application's.
     */
    public HibernateOrmIntegrationRuntimeInitListener runtimeInitListener() {
        return new HibernateAeRuntimeInitListener(AeSettings.runTime(config.getValue()),
                Thread.currentThread().getContextClassLoader());
    }
}
