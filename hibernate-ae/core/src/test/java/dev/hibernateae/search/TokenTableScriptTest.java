package dev.hibernateae.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hibernateae.testing.StaticKeyRing;
import dev.hibernateae.testing.TestDatabase;
import dev.hibernateae.testing.TestSessionFactories;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The token table scripts shipped in the jar create what Hibernate's schema validation expects and searches use,
 * on each database.
 */
class TokenTableScriptTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theShippedScriptMakesATokenTableThatValidatesAndServesSearches(TestDatabase database) throws Exception {
        try (TestDatabase.Instance db = database.create()) {
            StaticKeyRing keys = StaticKeyRing.withRandomKeys("cek1", "cek2");
            TestSessionFactories.build(db, keys, Map.of("hibernate.hbm2ddl.auto", "create"), Person.class).close();
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                st.execute("drop table Person_hae_tokens");
                for (String statement : script(database).split(";")) {
                    if (!statement.isBlank()) {
                        st.execute(statement);
                    }
                }
            }
            try (SessionFactory app = TestSessionFactories.build(db, keys, Map.of("hibernate.hbm2ddl.auto",
                    "validate"), Person.class)) {
                app.inTransaction(s -> s.persist(new Person("1", "Scripted", "Oslo", 1, "n")));
                assertEquals(List.of("Scripted"), app.fromTransaction(s -> s.createSelectionQuery(
                        "select p.lastName from Person p where p.lastName like :p", String.class)
                        .setParameter("p", "Scr%").getResultList()));
            }
        }
    }

    private static String script(TestDatabase database) throws IOException {
        String name = "META-INF/hibernate-ae/ddl/search-tokens-" + database.name().toLowerCase(Locale.ROOT) + ".sql";
        try (InputStream in = TokenTableScriptTest.class.getClassLoader().getResourceAsStream(name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            StringBuilder sql = new StringBuilder();
            for (String line : text.split("\n")) {
                if (!line.startsWith("--")) {
                    sql.append(line).append('\n');
                }
            }
            return sql.toString().replace("${table}", "Person").replace("${owner_id_type}", "bigint");
        }
    }
}
