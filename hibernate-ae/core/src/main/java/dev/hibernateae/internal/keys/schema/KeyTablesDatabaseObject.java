package dev.hibernateae.internal.keys.schema;

import dev.hibernateae.internal.keys.KeyTables;
import java.util.List;
import org.hibernate.boot.model.relational.AuxiliaryDatabaseObject;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.dialect.Dialect;

/**
 * The key tables as a Hibernate auxiliary database object: created from the shipped script, never dropped.
 *
 * <p>Hibernate's {@code update} drops and re-creates every auxiliary object on each run, and {@code create} drops
 * before it creates. So the drop statements are empty (dropping would destroy every column encryption key and make
 * all encrypted data unreadable) and the create statements are {@code CREATE TABLE IF NOT EXISTS}, which leave
 * existing tables and their rows alone.
 */
final class KeyTablesDatabaseObject implements AuxiliaryDatabaseObject {
    private static final long serialVersionUID = 1L;

    private final KeyTables.Database database;

    KeyTablesDatabaseObject(KeyTables.Database database) {
        this.database = database;
    }

    @Override
    public String getExportIdentifier() {
        return "hibernate-ae key tables";
    }

    @Override
    public boolean appliesToDialect(Dialect candidate) {
        return KeyTables.Database.of(candidate).filter(database::equals).isPresent();
    }

    @Override
    public boolean beforeTablesOnCreation() {
        return false;
    }

    @Override
    public String[] sqlCreateStrings(SqlStringGenerationContext context) {
        List<String> statements = KeyTables.createStatements(database);
        return statements.toArray(String[]::new);
    }

    @Override
    public String[] sqlDropStrings(SqlStringGenerationContext context) {
        return new String[0];
    }

    @Override
    public String toString() {
        return "KeyTablesDatabaseObject[" + database + "]";
    }
}
