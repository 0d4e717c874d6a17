package dev.hibernateae.internal.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class KeyTablesScriptTest {

    @Test
    void aScriptSplitsIntoItsStatementsWithoutComments() {
        List<String> statements = KeyTables.statements("-- comment\ncreate table a (\n  x int -- trailing\n);\n\n"
                + "create table b (y int);\n");
        assertEquals(2, statements.size());
        assertTrue(statements.get(0).startsWith("create table a ("), statements.get(0));
        assertEquals("create table b (y int)", statements.get(1));
    }

    @Test
    void everyShippedScriptCreatesTheKeyAndLifecycleTablesOnlyIfMissingAndDropsNothing() {
        for (KeyTables.Database database : KeyTables.Database.values()) {
            List<String> statements = KeyTables.createStatements(database);
            // The three key tables, then the five lifecycle tables (rotations, column transitions, the registries of
            // encrypted columns and of searchable tables, jobs).
            assertEquals(8, statements.size(), database.toString());
            for (String statement : statements) {
                String lower = statement.toLowerCase(Locale.ROOT);
                assertTrue(lower.startsWith("create table if not exists hae_"), statement);
                assertTrue(!lower.contains("drop "), statement);
            }
        }
    }
}
