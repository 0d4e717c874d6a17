package dev.hibernateae.internal.lifecycle.job;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.internal.keys.KeyRing;
import dev.hibernateae.internal.lifecycle.ColumnTransition;
import dev.hibernateae.internal.lifecycle.KeyRotation;
import dev.hibernateae.internal.lifecycle.RecordJournal;
import dev.hibernateae.internal.lifecycle.SearchRegistry;
import dev.hibernateae.internal.search.SearchableColumn;
import dev.hibernateae.internal.search.TokenSpec;
import dev.hibernateae.internal.search.TokenTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Before a job rewrites a table: whether the table has search tokens and, if it does, how the job derives them again
 * for the rows it rewrites, or why it must not run. Everything comes from authenticated records: the table's token
 * spec ({@link SearchRegistry}), and the rotations and transitions of its searchable columns' key names.
 */
public final class TokenTableCheck {
    private TokenTableCheck() {
    }

    /**
     * What one operation does to the keys of one key name.
     *
     * @param keyName the key name whose columns the job rewrites; null when it rewrites no cell (a rebuild of the
     *        tokens), so that every key name's keys come from the lifecycle records
     * @param choice the key its tokens are derived under and the keys its cells may be under while the job runs;
     *        null when the job writes plaintext (decryption in place), which derives no tokens
     */
    public record Operation(String keyName, TokenKeyPlan.Choice choice) {
        /** A job that rewrites no cell and derives every row's tokens again. */
        public static final Operation REBUILD = new Operation(null, null);

        boolean decrypting() {
            return keyName != null && choice == null;
        }
    }

    /**
     * @return the rederivation the job runs with, or null when the table has no search tokens, or when none of the
     *         job's columns is searchable and the job writes plaintext
     * @throws AlwaysEncryptedException naming the table and what to do, when the job must not run
     */
    public static TokenRederivation prepare(Connection connection, TableShape shape, Operation operation,
            RecordJournal journal, KeyRing keys) throws SQLException {
        Optional<String> tokenTable = shape.tokenTable(connection);
        if (tokenTable.isEmpty()) {
            return null;
        }
        String bare = TableShape.unquote(shape.table().substring(shape.table().lastIndexOf('.') + 1));
        TokenSpec spec = SearchRegistry.verified(connection, bare, keys).orElseThrow(() -> new AlwaysEncryptedException(
                "Table " + shape.table() + " has search tokens (" + tokenTable.get() + ") but no registered token "
                        + "spec in hae_search_tables, so the job could not derive its rows' tokens and searches would "
                        + "miss them afterwards. Start an application that maps the table (it registers the spec at "
                        + "startup), then run the job again. Not run; nothing was changed"));
        List<String> jobColumns = shape.columns();
        if (operation.decrypting()) {
            for (TokenSpec.Column column : spec.columns()) {
                if (jobColumns.stream().anyMatch(c -> TableShape.unquote(c).equalsIgnoreCase(
                        TableShape.unquote(column.column())))) {
                    throw new AlwaysEncryptedException("Column " + shape.table() + "." + column.column() + " ("
                            + column.role() + ") has search tokens: decrypting it in place is not supported. Remove "
                            + "its search annotations and start the application once (it registers the table "
                            + "again), then run the job. Not run; nothing was changed");
                }
            }
            return null;
        }
        if (shape.keyColumns().size() != 1 || !TableShape.unquote(shape.keyColumns().get(0))
                .equalsIgnoreCase(TableShape.unquote(spec.ownerColumn()))) {
            throw new AlwaysEncryptedException("Table " + shape.table() + " has search tokens owned by its column "
                    + spec.ownerColumn() + ", but the job is keyed by " + shape.keyColumns() + ": run it keyed by "
                    + spec.ownerColumn() + " (its primary key). Not run; nothing was changed");
        }
        Map<String, TokenKeyPlan.Choice> choices = new HashMap<>();
        for (TokenSpec.Column column : spec.columns()) {
            String keyName = column.keyName();
            if (operation.keyName() != null && keyName.equals(operation.keyName())) {
                choices.put(keyName, operation.choice());
                continue;
            }
            boolean inJob = jobColumns.stream().anyMatch(c -> TableShape.unquote(c).equalsIgnoreCase(
                    TableShape.unquote(column.column())));
            Optional<ColumnTransition> transition = journal.transition(connection, spec.table(), column.column(),
                    false);
            boolean rebuilding = operation.keyName() == null;
            if ((!inJob || rebuilding) && transition.isPresent() && transition.get().running()) {
                throw new AlwaysEncryptedException("Column " + shape.table() + "." + column.column() + " has search "
                        + "tokens and is being " + transition.get().direction().name().toLowerCase(Locale.ROOT) + "ed in place: "
                        + "finish that job first. Not run; nothing was changed");
            }
            if (!choices.containsKey(keyName)) {
                KeyRotation rotation = journal.rotation(connection, keyName, false).orElse(null);
                if (rotation != null && rotation.rotating()) {
                    throw new AlwaysEncryptedException("Table " + shape.table() + " has search tokens of column "
                            + column.column() + ", whose key name '" + keyName + "' is being rotated: finish that "
                            + "rotation first. Not run; nothing was changed");
                }
                String key = rotation == null ? keyName : rotation.targetKey();
                choices.put(keyName, new TokenKeyPlan.Choice(key, List.of(key)));
            }
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<SearchableColumn> columns = spec.columns(new TokenTable(tokenTable.get(), shape.table(),
                shape.keyColumns().get(0)), loader != null ? loader : TokenSpec.class.getClassLoader());
        return new TokenRederivation(shape.table(), shape.keyColumns().get(0), tokenTable.get(), columns,
                new TokenKeyPlan(choices), keys);
    }
}
