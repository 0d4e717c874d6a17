package dev.hibernateae.internal.keys.schema;

import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.internal.config.AeConfig;
import dev.hibernateae.internal.keys.KeyTables;
import java.util.Optional;
import org.hibernate.boot.ResourceStreamLocator;
import org.hibernate.boot.spi.AdditionalMappingContributions;
import org.hibernate.boot.spi.AdditionalMappingContributor;
import org.hibernate.boot.spi.InFlightMetadataCollector;
import org.hibernate.boot.spi.MetadataBuildingContext;
import org.hibernate.dialect.Dialect;

/**
 * Adds the key tables to every persistence unit's schema, so that Hibernate schema generation creates them when
 * missing. Found by Hibernate through {@code META-INF/services/org.hibernate.boot.spi.AdditionalMappingContributor}.
 * The tables are raw DDL, not entities: the application's persistence unit never maps or sees them.
 * Off with {@link EncryptionSettings#KEY_TABLES_SCHEMA_GENERATION}{@code =false}.
 */
public final class KeyTablesContributor implements AdditionalMappingContributor {
    private static final System.Logger LOG = System.getLogger(KeyTablesContributor.class.getName());

    @Override
    public String getContributorName() {
        return "hibernate-ae";
    }

    @Override
    public void contribute(AdditionalMappingContributions contributions, InFlightMetadataCollector metadata,
            ResourceStreamLocator resourceStreamLocator, MetadataBuildingContext buildingContext) {
        if (!buildingContext.getBootstrapContext().getServiceRegistry().requireService(AeConfig.class)
                .keyTablesSchemaGeneration()) {
            return;
        }
        Dialect dialect = metadata.getDatabase().getDialect();
        Optional<KeyTables.Database> database = KeyTables.Database.of(dialect);
        if (database.isPresent()) {
            contributions.contributeAuxiliaryDatabaseObject(new KeyTablesDatabaseObject(database.get()));
        } else {
            LOG.log(System.Logger.Level.WARNING, "hibernate-ae has no key table DDL for {0}: schema generation "
                    + "will not create tables {1}, {2} and {3}. Create them yourself, adapting a script from {4} in "
                    + "the hibernate-ae jar",
                    dialect.getClass().getName(), KeyTables.MASTER_KEYS, KeyTables.ENCRYPTION_KEYS,
                    KeyTables.ENCRYPTION_KEY_VALUES, KeyTables.DDL_DIRECTORY);
        }
    }
}
