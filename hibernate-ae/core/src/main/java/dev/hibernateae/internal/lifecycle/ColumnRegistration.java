package dev.hibernateae.internal.lifecycle;

import dev.hibernateae.internal.hibernate.EncryptedAttribute;
import dev.hibernateae.internal.keys.ConnectionSource;
import dev.hibernateae.internal.keys.KeyRing;
import dev.hibernateae.internal.search.TokenSpec;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Keeps this application's encrypted columns registered in {@value LifecycleTables#ENCRYPTED_COLUMNS}, and the token
 * specs of its tables with search tokens in {@value LifecycleTables#SEARCH_TABLES}: at startup, and again whenever
 * the lifecycle changes (so that each row is tagged under its key name's current key, and stays verifiable once an
 * old key is dropped). Best effort: an account that may not write the tables, or a key that cannot be loaded, costs
 * a warning, never the application; rotation jobs then need the columns named, and refuse tables with search tokens.
 */
final class ColumnRegistration {
    private static final System.Logger LOG = System.getLogger(ColumnRegistration.class.getName());

    private final List<EncryptedAttribute<?>> attributes;
    private final List<TokenSpec> specs;
    private final Supplier<ConnectionSource> connections;
    private final Supplier<KeyRing> keys;
    private boolean warned;
    private boolean registered;

    ColumnRegistration(List<EncryptedAttribute<?>> attributes, List<TokenSpec> specs,
            Supplier<ConnectionSource> connections, Supplier<KeyRing> keys) {
        this.attributes = List.copyOf(attributes);
        this.specs = List.copyOf(specs);
        this.connections = Objects.requireNonNull(connections, "connections");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** At every poll: registers again only if the last attempt failed (say, a key created after startup). */
    synchronized void registerIfPending(LifecycleSnapshot snapshot) {
        if (!registered) {
            register(snapshot);
        }
    }

    /** Registers every attribute whose key name the snapshot does not refuse, tagged under its write key. */
    synchronized void register(LifecycleSnapshot snapshot) {
        registered = false;
        ConnectionSource source = connections.get();
        Connection connection = null;
        try {
            connection = source.open();
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                for (EncryptedAttribute<?> attribute : attributes) {
                    if (snapshot.refuses(attribute)) {
                        continue;
                    }
                    ColumnRegistry.register(connection, attribute, writeKey(snapshot, attribute.keyName()),
                            keys.get());
                }
                connection.commit();
                // In a transaction of its own: a database without the table yet keeps the columns registered.
                for (TokenSpec spec : specs) {
                    SearchRegistry.register(connection, spec, writeKey(snapshot, spec.columns().get(0).keyName()),
                            keys.get());
                }
                connection.commit();
                registered = true;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException | RuntimeException e) {
            if (!warned) {
                warned = true;
                LOG.log(System.Logger.Level.WARNING, "Could not register the encrypted columns of this application "
                        + "(and the token specs of its searchable tables) yet ({0}); it tries again at every poll. "
                        + "Until then key rotation jobs need the columns named (hibernate-ae-cli rotate-cek --column "
                        + "...) and refuse tables with search tokens. If the account may not write "
                        + LifecycleTables.ENCRYPTED_COLUMNS + " and " + LifecycleTables.SEARCH_TABLES
                        + ", grant it INSERT and UPDATE there",
                        e.getMessage());
            }
        } finally {
            if (connection != null) {
                try {
                    source.release(connection);
                } catch (SQLException ignored) {
                    // registration is best effort
                }
            }
        }
    }

    /** The key a key name's values are written under now: what its registrations are tagged under. */
    private static String writeKey(LifecycleSnapshot snapshot, String keyName) {
        KeyRotation rotation = snapshot.rotation(keyName);
        return rotation == null ? keyName : rotation.writeKey();
    }
}
