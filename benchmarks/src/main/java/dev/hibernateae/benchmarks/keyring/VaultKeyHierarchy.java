package dev.hibernateae.benchmarks.keyring;

import dev.hibernateae.admin.ColumnKeyAdministration;
import dev.hibernateae.admin.ColumnMasterKeySpec;
import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.azure.AzureKeyVaultProvider;
import dev.hibernateae.azure.testing.LocalKeyVault;
import dev.hibernateae.internal.keys.ConnectionSource;
import dev.hibernateae.internal.keys.KeyHierarchy;
import dev.hibernateae.internal.keys.KeyTables;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The real key hierarchy against the counting Key Vault endpoint: {@link LocalKeyVault} (HTTPS on 127.0.0.1) holds
 * an RSA-2048 column master key, key tables in an H2 in-memory database hold column encryption keys wrapped by it,
 * and {@link #newHierarchy()} wires providers, catalog, checks and a cold caching key ring over them, as an
 * application does at start-up.
 */
final class VaultKeyHierarchy implements AutoCloseable {
    static {
        // The JDK's HTTP server writes headers and body apart; with Nagle's algorithm on, each answer then waits for
        // the client's delayed ACK (about 40 ms on Linux), which a real vault does not make anyone wait for.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final LocalKeyVault vault;
    private final JdbcDataSource dataSource;
    private final AzureKeyVaultProvider provider;
    private final List<String> encryptionKeys = new ArrayList<>();
    private final Map<String, Object> trusted;

    VaultKeyHierarchy(int encryptionKeyCount) {
        vault = LocalKeyVault.start();
        boolean built = false;
        try {
            String masterKeyUrl = vault.createRsaKey("cmk1", 2048);
            dataSource = new JdbcDataSource();
            dataSource.setURL("jdbc:h2:mem:ae_bench_keys_" + UUID.randomUUID().toString().replace("-", "")
                    + ";DB_CLOSE_DELAY=-1");
            createKeyTables();
            provider = vault.providerBuilder().build();
            trusted = Map.of(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS, masterKeyUrl);
            ColumnKeyAdministration admin = ColumnKeyAdministration.builder().dataSource(dataSource)
                    .settings(trusted).provider(provider).build();
            admin.createColumnMasterKey(ColumnMasterKeySpec.named("cmk1")
                    .provider(AzureKeyVaultProvider.NAME).keyPath(masterKeyUrl).allowEnclaveComputations(true));
            for (int i = 1; i <= encryptionKeyCount; i++) {
                admin.createColumnEncryptionKey("cek" + i, "cmk1");
                encryptionKeys.add("cek" + i);
            }
            built = true;
        } finally {
            if (!built) {
                vault.close();
            }
        }
    }

    private void createKeyTables() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : KeyTables.createStatements(KeyTables.Database.H2)) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the key tables: " + e.getMessage(), e);
        }
    }

    /** A new hierarchy with a cold key ring, sharing this JVM's provider (its HTTPS connection and key cache). */
    KeyHierarchy newHierarchy() {
        return newHierarchy(provider);
    }

    /** A new hierarchy over a new provider: a new HTTPS connection, and the master key read from the vault again. */
    KeyHierarchy newHierarchyWithNewProvider() {
        return newHierarchy(vault.providerBuilder().build());
    }

    private KeyHierarchy newHierarchy(AzureKeyVaultProvider keyStore) {
        return KeyHierarchy.builder().settings(trusted).connections(ConnectionSource.of(dataSource)).provider(keyStore)
                .serviceLoader(false).build();
    }

    /** One authenticated HTTPS GET of the master key from the endpoint, with the JDK's client: the floor. */
    int readMasterKeyDirectly(java.net.http.HttpClient client) throws java.io.IOException, InterruptedException {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(vault.keyUrl("cmk1") + "?api-version=7.5"))
                .header("Authorization", "Bearer " + LocalKeyVault.TOKEN).build();
        return client.send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray()).statusCode();
    }

    LocalKeyVault vault() {
        return vault;
    }

    List<String> encryptionKeys() {
        return List.copyOf(encryptionKeys);
    }

    @Override
    public void close() {
        vault.close();
    }
}
