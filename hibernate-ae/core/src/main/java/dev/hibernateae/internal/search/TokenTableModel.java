package dev.hibernateae.internal.search;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.internal.crypto.SearchTokenHash;
import java.sql.Types;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.engine.jdbc.Size;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.mapping.BasicValue;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.PrimaryKey;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.UniqueKey;

/**
 * Adds a token table to the mapping's relational model, in the namespace of the table it serves: Hibernate's
 * {@code create} then creates (and drops) it with that table, {@code update} adds it when missing, {@code validate}
 * reports it missing. {@code owner_id} takes the SQL type of the entity's identifier; {@code token} is a
 * {@code VARBINARY(16)}. Hibernate sizes and orders columns through their mapped values, so the columns borrow the
 * identifier's value and the encrypted attribute's (binary) value, while their SQL types and length are set here.
 */
final class TokenTableModel {
    private TokenTableModel() {
    }

    static TokenTable add(Table owner, PersistentClass entity, BasicValue cells, Metadata metadata,
            SessionFactoryImplementor factory) {
        if (!(entity.getRootClass().getIdentifier() instanceof BasicValue id)) {
            throw new AlwaysEncryptedException("Search tokens for table " + owner.getName() + " need a basic "
                    + "identifier on " + entity.getEntityName() + " (not an embedded or composite id)");
        }
        Column ownerKey = owner.getPrimaryKey().getColumn(0);
        Namespace namespace = metadata.getDatabase().locateNamespace(owner.getCatalogIdentifier(),
                owner.getSchemaIdentifier());
        Identifier name = Identifier.toIdentifier(owner.getName() + TokenTable.SUFFIX, owner.isQuoted());
        Table tokens = namespace.locateTable(name);
        if (tokens == null) {
            tokens = namespace.createTable(name, identifier -> new Table("hibernate-ae", namespace, identifier,
                    false));
            Column ownerColumn = new Column(TokenTable.OWNER_COLUMN);
            ownerColumn.setSqlType(ownerKey.getSqlType(metadata));
            ownerColumn.setSqlTypeCode(id.resolve().getJdbcType().getDdlTypeCode());
            ownerColumn.setNullable(false);
            // Hibernate sizes and orders columns through their values: the identifier's, and a binary one's.
            ownerColumn.setValue(id);
            Column tokenColumn = new Column(TokenTable.TOKEN_COLUMN);
            tokenColumn.setSqlTypeCode(Types.VARBINARY);
            tokenColumn.setLength((long) SearchTokenHash.TOKEN_LENGTH);
            tokenColumn.setSqlType(metadata.getDatabase().getTypeConfiguration().getDdlTypeRegistry()
                    .getTypeName(Types.VARBINARY, Size.length(SearchTokenHash
                            .TOKEN_LENGTH)));
            tokenColumn.setNullable(false);
            tokenColumn.setValue(cells);
            tokens.addColumn(tokenColumn);
            tokens.addColumn(ownerColumn);
            PrimaryKey key = new PrimaryKey(tokens);
            key.addColumn(tokenColumn);
            key.addColumn(ownerColumn);
            // Token first, whatever the column ordering strategy: a search looks tokens up by this key's prefix.
            // Hibernate's default strategy orders a key's columns by size, unless the key names its own order.
            UniqueKey order = new UniqueKey();
            order.addColumn(tokenColumn);
            order.addColumn(ownerColumn);
            key.setOrderingUniqueKey(order);
            tokens.setPrimaryKey(key);
            tokens.getOrCreateIndex(owner.getName() + TokenTable.SUFFIX + "_owner").addColumn(ownerColumn);
        }
        String rendered = factory.getSqlStringGenerationContext().format(tokens.getQualifiedTableName());
        String ownerRendered = factory.getSqlStringGenerationContext().format(owner.getQualifiedTableName());
        return new TokenTable(rendered, ownerRendered, ownerKey.getQuotedName(factory.getJdbcServices().getDialect()));
    }
}
