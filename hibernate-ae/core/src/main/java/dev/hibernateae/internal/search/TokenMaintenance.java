package dev.hibernateae.internal.search;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.internal.crypto.SearchTokenHash;
import dev.hibernateae.internal.hibernate.EncryptionRuntime;
import dev.hibernateae.internal.orm.EventSessions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.event.spi.PreDeleteEvent;
import org.hibernate.event.spi.PreDeleteEventListener;
import org.hibernate.event.spi.PreInsertEvent;
import org.hibernate.event.spi.PreInsertEventListener;
import org.hibernate.event.spi.PreUpdateEvent;
import org.hibernate.event.spi.PreUpdateEventListener;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.descriptor.ValueBinder;

/**
 * Keeps every row's search tokens equal to its values, in the entity's own transaction and on its own connection:
 * after an insert, the row's tokens are written; after an update that changed a searchable attribute, the row's
 * tokens in that table are replaced; after a delete, they are deleted. A transaction that rolls back takes its
 * tokens with it, and one that commits never leaves a row findable by a value it no longer holds.
 */
public final class TokenMaintenance implements PostInsertEventListener, PostUpdateEventListener,
        PostDeleteEventListener, PreInsertEventListener,
        PreUpdateEventListener, PreDeleteEventListener {
    private static final long serialVersionUID = 1L;

    private final transient SearchCatalog catalog;
    private final transient EncryptionRuntime runtime;

    public TokenMaintenance(SearchCatalog catalog, EncryptionRuntime runtime) {
        this.catalog = catalog;
        this.runtime = runtime;
    }

    /**
     * Refuses, before the row is written, a write whose tokens could not be: before 7.2, Hibernate's
     * {@code StatelessSession} fires entity events without a session, so there is no connection to write tokens on.
     */
    @Override
    public boolean onPreInsert(PreInsertEvent event) {
        requireSession(EventSessions.of(event), event.getPersister());
        return false;
    }

    @Override
    public boolean onPreUpdate(PreUpdateEvent event) {
        requireSession(EventSessions.of(event), event.getPersister());
        return false;
    }

    @Override
    public boolean onPreDelete(PreDeleteEvent event) {
        requireSession(EventSessions.of(event), event.getPersister());
        return false;
    }

    private void requireSession(Object session, EntityPersister persister) {
        if (session == null && !catalog.tablesOf(persister.getEntityName()).isEmpty()) {
            throw new AlwaysEncryptedException("Cannot write " + persister.getEntityName() + " through this "
                    + "StatelessSession: its search tokens must be written with it, and this Hibernate (6.6, 7.0, 7.1) "
                    + "gives listeners no session (so no connection) for a StatelessSession. Use a Session, or "
                    + "Hibernate 7.2 or later");
        }
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        for (SearchCatalog.TableTokens table : catalog.tablesOf(event.getPersister().getEntityName())) {
            write(table, event.getPersister(), event.getEntity(), event.getId(), EventSessions.of(event), false);
        }
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        EntityPersister persister = event.getPersister();
        boolean rowWritten = false;
        for (SearchCatalog.TableTokens table : catalog.tablesOf(persister.getEntityName())) {
            if (changed(table, persister, event.getDirtyProperties())) {
                SharedSessionContractImplementor session = EventSessions.of(event);
                if (!rowWritten) {
                    writeRowFirst(session);
                    rowWritten = true;
                }
                write(table, persister, event.getEntity(), event.getId(), session, true);
            }
        }
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        EntityPersister persister = event.getPersister();
        List<SearchCatalog.TableTokens> tables = catalog.tablesOf(persister.getEntityName());
        if (!tables.isEmpty()) {
            writeRowFirst(EventSessions.of(event));
        }
        for (SearchCatalog.TableTokens table : tables) {
            execute(table.table().deleteOwner(), persister, event.getId(), null, EventSessions.of(event));
        }
    }

    /**
     * Sends the row's own update or delete, which JDBC batching may still hold, before its tokens change: the row is
     * then locked before its tokens, in the order a lifecycle job takes them (it locks rows, then replaces their
     * tokens). The other order deadlocks against a job rewriting the same row.
     */
    private static void writeRowFirst(SharedSessionContractImplementor session) {
        session.getJdbcCoordinator().executeBatch();
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    /** Whether a searchable attribute of the table is among the dirty properties (unknown counts as changed). */
    private static boolean changed(SearchCatalog.TableTokens table, EntityPersister persister, int[] dirty) {
        if (dirty == null) {
            return true;
        }
        for (SearchableColumn column : table.columns()) {
            String top = column.propertyPath().split("\\.", 2)[0];
            int index = persister.getPropertyIndex(top);
            for (int d : dirty) {
                if (d == index) {
                    return true;
                }
            }
        }
        return false;
    }

    private void write(SearchCatalog.TableTokens table, EntityPersister persister, Object entity, Object id,
            SharedSessionContractImplementor session, boolean replace) {
        List<byte[]> tokens = new ArrayList<>();
        for (SearchableColumn column : table.columns()) {
            Object value = persister.getPropertyValue(entity, column.propertyPath());
            Map<SearchScheme, SearchTokenHash> hashes = new EnumMap<>(SearchScheme.class);
            tokens.addAll(SearchTokens.stored(column, value,
                    scheme -> hashes.computeIfAbsent(scheme, s -> TokenKeys.forWrite(runtime, column, s)),
                    ThreadLocalRandom.current()));
        }
        if (replace) {
            execute(table.table().deleteOwner(), persister, id, null, session);
        }
        if (!tokens.isEmpty()) {
            execute(table.table().insert(), persister, id, tokens, session);
        }
    }

    /** Runs {@code sql} for the row {@code id}: once, or once per token as a batch. */
    private static void execute(String sql, EntityPersister persister, Object id, List<byte[]> tokens,
            SharedSessionContractImplementor session) {
        JdbcMapping idMapping = persister.getIdentifierMapping().getSingleJdbcMapping();
        Connection connection = session.getJdbcCoordinator().getLogicalConnection().getPhysicalConnection();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Object ownerId = idMapping.convertToRelationalValue(id);
            if (tokens == null) {
                bindId(idMapping, statement, ownerId, session);
                statement.executeUpdate();
                return;
            }
            for (byte[] token : tokens) {
                bindId(idMapping, statement, ownerId, session);
                statement.setBytes(2, token);
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new AlwaysEncryptedException("Cannot maintain the search tokens of " + persister.getEntityName()
                    + " (" + sql.split(" \\(|where", 2)[0].trim() + "): " + e.getMessage() + " [SQL state "
                    + e.getSQLState() + "]. Does the token table exist (Hibernate schema management creates it)?", e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void bindId(JdbcMapping idMapping, PreparedStatement statement, Object ownerId,
            SharedSessionContractImplementor session) throws SQLException {
        ((ValueBinder) idMapping.getJdbcValueBinder()).bind(statement, ownerId, 1,
                session);
    }
}
