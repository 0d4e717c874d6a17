package dev.hibernateae.lifecycle;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.internal.keys.KeyHierarchy;
import dev.hibernateae.internal.lifecycle.SearchRegistry;
import dev.hibernateae.internal.lifecycle.job.KeepCells;
import dev.hibernateae.internal.lifecycle.job.LifecycleDatabase;
import dev.hibernateae.internal.lifecycle.job.TableShape;
import dev.hibernateae.internal.lifecycle.job.TokenTableCheck;
import dev.hibernateae.internal.search.TokenSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Derives the search tokens of every row of one table again from the values the row holds, under each key name's
 * current key, as the table's registered token spec says: after rows were written around the applications (native
 * SQL, plain JDBC, a partial restore). Cells are left as they are. Online, in batches, resumable and shared by
 * workers like the other jobs; each batch locks its rows and replaces their tokens in one transaction.
 */
final class SearchTokenRebuild {
    private final LifecycleDatabase database;
    private final KeyHierarchy keys;
    private final Clock clock;

    SearchTokenRebuild(LifecycleDatabase database, KeyHierarchy keys, Clock clock) {
        this.database = database;
        this.keys = keys;
        this.clock = clock;
    }

    JobReport run(String table, JobOptions options) {
        Instant started = clock.instant();
        TableShape.requireName(table, "table");
        database.ensureTables();
        String bare = table.substring(table.lastIndexOf('.') + 1).replace("\"", "").replace("`", "");
        Optional<TokenSpec> registered = database.inTransaction("read the token spec of " + table,
                connection -> SearchRegistry.verified(connection, bare, keys.keyRing()));
        if (registered.isEmpty()) {
            throw new AlwaysEncryptedException("Table " + table + " has no token spec in hae_search_tables: start an "
                    + "application that maps it with its search annotations (it registers the spec at startup), "
                    + "then run again. Nothing was changed");
        }
        TokenSpec spec = registered.get();
        List<String> columns = spec.columns().stream().map(TokenSpec.Column::column).toList();
        TableShape shape = new TableShape(table, List.of(spec.ownerColumn()), columns);
        Optional<String> tokenTable = database.inTransaction("look for the token table of " + table,
                connection -> shape.tokenTable(connection));
        if (tokenTable.isEmpty()) {
            throw new AlwaysEncryptedException("Table " + table + " has no token table (" + bare + "_hae_tokens): "
                    + "create it (Hibernate schema management, or META-INF/hibernate-ae/ddl/search-tokens-"
                    + "<database>.sql), then run again. Nothing was changed");
        }
        TableJobs jobs = new TableJobs(database, clock, TokenTableCheck.Operation.REBUILD, keys);
        for (String column : columns) {
            jobs.add(new ColumnRef(table, column, List.of(spec.ownerColumn())), KeepCells.INSTANCE);
        }
        jobs.prepare();
        JobReport report = jobs.run("rebuild the search tokens of " + table, "rebuild tokens", options, started);
        if (report.completed()) {
            jobs.forgetJobs();
        }
        return report;
    }
}
