package dev.hibernateae.internal.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The scripts shipped under {@code META-INF/hibernate-ae/ddl/} are exactly what {@link KeyTablesDdl} renders from
 * its one definition of the tables. After editing the templates ({@code dev/hibernateae/internal/keys/*.sql} in the
 * core's resources), regenerate the scripts with, from the repository root:
 *
 * <pre>mvn -o -q -pl hibernate-ae/core -am test -Dtest=ShippedDdlScriptsTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dhae.ddl.write=true</pre>
 */
class ShippedDdlScriptsTest {
    private static final Path SHIPPED = Path.of("src/main/resources");

    @ParameterizedTest
    @EnumSource(KeyTables.Database.class)
    void theTablesScriptIsTheRenderedDefinition(KeyTables.Database database) throws IOException {
        check(database.scriptResource(), KeyTablesDdl.tables(database));
    }

    @ParameterizedTest
    @EnumSource(KeyTables.Database.class)
    void theUpgradeScriptIsTheRenderedDefinition(KeyTables.Database database) throws IOException {
        check(database.upgradeScriptResource(), KeyTablesDdl.upgrade(database));
    }

    private static void check(String resource, String rendered) throws IOException {
        Path shipped = SHIPPED.resolve(resource);
        if (Boolean.getBoolean("hae.ddl.write")) {
            Files.writeString(shipped, rendered, StandardCharsets.UTF_8);
        }
        assertEquals(rendered, Files.readString(shipped, StandardCharsets.UTF_8), resource + " differs from what "
                + "KeyTablesDdl renders: edit the templates, not the script, and regenerate (see this test)");
    }
}
