package dev.hibernateae.samples.quarkus;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/**
 * A new PostgreSQL schema for one start of the application, dropped when it stops: the key tables, which schema
 * generation never drops, start empty, as on H2 in memory.
 */
public final class FreshPostgresSchema implements QuarkusTestResourceLifecycleManager {
    private String schema;

    @Override
    public Map<String, String> start() {
        schema = "hae_quarkus_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try {
            PostgresServer.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create schema " + schema + " at " + PostgresServer.URL
                    + " (CI must start PostgreSQL: .ci/run does)", e);
        }
        return Map.of("quarkus.datasource.jdbc.url", PostgresServer.URL + "?currentSchema=" + schema);
    }

    @Override
    public void stop() {
        try {
            PostgresServer.execute("drop schema if exists " + schema + " cascade");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop schema " + schema, e);
        }
    }
}
