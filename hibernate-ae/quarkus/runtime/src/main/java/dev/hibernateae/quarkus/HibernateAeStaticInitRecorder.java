package dev.hibernateae.quarkus;

import io.quarkus.hibernate.orm.runtime.integration.HibernateOrmIntegrationStaticInitListener;
import io.quarkus.runtime.annotations.Recorder;

/** Creates, at static init, the listener that gives Hibernate the settings it reads while building the mapping. */
@Recorder
public class HibernateAeStaticInitRecorder {
    private final HibernateAeBuildTimeConfig config;

    /** @param config the build-time part of {@code quarkus.hibernate-ae.*}, as Quarkus injects it */
    public HibernateAeStaticInitRecorder(HibernateAeBuildTimeConfig config) {
        this.config = config;
    }

    /** The listener of every persistence unit's mapping. */
    public HibernateOrmIntegrationStaticInitListener staticInitListener() {
        return new HibernateAeStaticInitListener(AeSettings.buildTime(config));
    }
}
