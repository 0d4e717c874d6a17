/**
 * hibernate-ae core: {@code @Encrypted} attributes for Hibernate ORM, the key hierarchy and its administration.
 *
 * <p>Exports only the public packages: {@link dev.hibernateae.api} (what applications use),
 * {@link dev.hibernateae.spi} (what other code plugs in), {@link dev.hibernateae.admin},
 * {@link dev.hibernateae.lifecycle} and {@link dev.hibernateae.keystore}. The packages under
 * {@code dev.hibernateae.internal} are not exported; the two that Hibernate ORM instantiates by class name (the
 * {@code @Encrypted} binder, the HQL reader and SQM translator factory named in Hibernate's settings) are exported
 * to Hibernate alone, and the two the command-line tool shares with the core (settings parsing, encryptable types)
 * to that tool alone. Hibernate finds the rest through the services this module provides.
 *
 * <p>Entities with {@code @Encrypted} attributes live in the application's module, which opens their package to
 * {@code org.hibernate.orm.core} as for any Hibernate entity.
 */
// Hibernate ORM 7.4 and the ANTLR runtime are automatic modules (Automatic-Module-Name in their manifests).
// The command-line tool (dev.hibernateae.cli), target of two qualified exports, and the Quarkus extension
// (dev.hibernateae.quarkus), target of one, are not on the core's module path.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic", "module"})
module dev.hibernateae.core {
    requires transitive org.hibernate.orm.core;
    requires transitive jakarta.persistence;
    requires transitive java.sql;
    // org.hibernate.SessionFactory, in the public API, is a javax.naming.Referenceable.
    requires transitive java.naming;
    requires java.management;
    requires org.antlr.antlr4.runtime;

    exports dev.hibernateae.api;
    exports dev.hibernateae.spi;
    exports dev.hibernateae.admin;
    exports dev.hibernateae.lifecycle;
    exports dev.hibernateae.keystore;

    // Instantiated by Hibernate by class name: @AttributeBinderType(binder = EncryptedAttributeBinder.class) ...
    exports dev.hibernateae.internal.hibernate to org.hibernate.orm.core;
    // ... and hibernate.query.hql.translator / hibernate.query.sqm.translator (HqlReader, QueryStageFactory).
    exports dev.hibernateae.internal.query to org.hibernate.orm.core;

    // The command-line tool, released with the core in lockstep, parses settings and durations and names the
    // encryptable types exactly as the core does: exported to it alone, still not to applications.
    exports dev.hibernateae.internal.config to dev.hibernateae.cli;
    exports dev.hibernateae.internal.codec to dev.hibernateae.cli;
    // The Quarkus extension, released with the core in lockstep, installs the core's services and query stage in
    // the service registry Quarkus rebuilds without service contributors (RebuiltServiceRegistries).
    exports dev.hibernateae.internal.boot to dev.hibernateae.quarkus;

    // Key stores named in hibernate.ae.providers or found as services (the Azure Key Vault module is one).
    uses dev.hibernateae.spi.ColumnMasterKeyProvider;

    // Also listed in META-INF/services, for the class path.
    provides org.hibernate.integrator.spi.Integrator with dev.hibernateae.internal.boot.HibernateAeIntegrator;
    provides org.hibernate.service.spi.ServiceContributor with dev.hibernateae.internal.boot.EncryptionServiceContributor;
    provides org.hibernate.boot.spi.AdditionalMappingContributor
            with dev.hibernateae.internal.keys.schema.KeyTablesContributor;
}
