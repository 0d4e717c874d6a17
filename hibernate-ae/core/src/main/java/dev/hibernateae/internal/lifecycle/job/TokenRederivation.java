package dev.hibernateae.internal.lifecycle.job;

import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.internal.crypto.CellCipher;
import dev.hibernateae.internal.crypto.SearchTokenHash;
import dev.hibernateae.internal.hibernate.EncryptedAttribute;
import dev.hibernateae.internal.hibernate.EncryptedAttributeConverter;
import dev.hibernateae.internal.keys.KeyRing;
import dev.hibernateae.internal.search.SearchScheme;
import dev.hibernateae.internal.search.SearchTokens;
import dev.hibernateae.internal.search.SearchableColumn;
import dev.hibernateae.internal.search.TokenTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Derives again the search tokens of the rows a job batch rewrote, inside the batch's transaction: locks the rows
 * ({@code select ... for update}), reads every searchable column of each as it is now, decrypts each cell with the
 * keys its key name may be under, and replaces the row's tokens with those of its values under each key name's
 * write key. Because it reads the rows after locking them, what it writes matches what they hold whatever the
 * application wrote before; because it runs in the batch's transaction, a crash leaves cells and tokens as they
 * were, for the rerun. A row with a cell it cannot decrypt keeps its tokens and is reported.
 */
public final class TokenRederivation {
    /** Rows per locking read: bounds the statement's parameter count. */
    private static final int CHUNK = 500;
    private static final String OWNER = TokenTable.OWNER_COLUMN;
    private static final String TOKEN = TokenTable.TOKEN_COLUMN;

    private final String table;
    private final String keyColumn;
    private final String tokenTable;
    private final List<SearchableColumn> columns;
    private final List<CellCipher[]> readCiphers = new ArrayList<>();
    private final List<Map<SearchScheme, SearchTokenHash>> hashes = new ArrayList<>();

    /**
     * @param table the job's table
     * @param keyColumn its key column, which token rows name as their owner
     * @param tokenTable its token table
     * @param columns its searchable columns
     * @param keys which key each key name's tokens are derived under, and which its cells may be under
     */
    public TokenRederivation(String table, String keyColumn, String tokenTable, List<SearchableColumn> columns,
            TokenKeyPlan keys, KeyRing keyRing) {
        this.table = TableShape.requireName(table, "table");
        this.keyColumn = TableShape.requireName(keyColumn, "key column");
        this.tokenTable = TableShape.requireName(tokenTable, "token table");
        this.columns = List.copyOf(columns);
        for (SearchableColumn column : this.columns) {
            TableShape.requireName(column.attribute().column(), "column");
            TokenKeyPlan.Choice choice = keys.choice(column.attribute().keyName());
            readCiphers.add(choice.readKeys().stream()
                    .map(name -> new CellCipher(keyRing.cellKey(name), EncryptionType.RANDOMIZED))
                    .toArray(CellCipher[]::new));
            Map<SearchScheme, SearchTokenHash> ofColumn = new EnumMap<>(SearchScheme.class);
            for (SearchScheme scheme : SearchScheme.values()) {
                if (column.supports(scheme)) {
                    ofColumn.put(scheme, keyRing.columnKey(choice.writeKey())
                            .searchTokens(scheme.purpose(column.attribute().columnId())));
                }
            }
            hashes.add(ofColumn);
        }
    }

    /** The job's columns (in its order) that are searchable, by name, ignoring case and quotes. */
    public boolean[] searchable(List<String> jobColumns) {
        boolean[] searchable = new boolean[jobColumns.size()];
        for (int i = 0; i < searchable.length; i++) {
            String name = TableShape.unquote(jobColumns.get(i));
            searchable[i] = columns.stream().anyMatch(c -> TableShape.unquote(c.attribute().column())
                    .equalsIgnoreCase(name));
        }
        return searchable;
    }

    /**
     * Replaces the tokens of the rows {@code owners}, as they are once locked.
     *
     * @param unreadable receives, for each row whose tokens could not be derived, why (never a value)
     * @return how many rows got their tokens derived again
     */
    long rederive(Connection connection, Collection<KeyTuple> owners, List<String> unreadable) throws SQLException {
        long done = 0;
        List<KeyTuple> all = new ArrayList<>(owners);
        for (int from = 0; from < all.size(); from += CHUNK) {
            done += rederiveChunk(connection, all.subList(from, Math.min(all.size(), from + CHUNK)), unreadable);
        }
        return done;
    }

    private long rederiveChunk(Connection connection, List<KeyTuple> owners, List<String> unreadable)
            throws SQLException {
        List<KeyTuple> derived = new ArrayList<>();
        List<List<byte[]>> tokens = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(lockingRead(owners.size()))) {
            for (int i = 0; i < owners.size(); i++) {
                owners.get(i).bind(select, 1 + i);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    KeyTuple owner = KeyTuple.read(rows, 1, 1);
                    List<byte[]> ofRow = new ArrayList<>();
                    String problem = null;
                    for (int c = 0; c < columns.size() && problem == null; c++) {
                        byte[] cell = rows.getBytes(2 + c);
                        if (cell != null) {
                            problem = tokensOf(c, cell, ofRow);
                        }
                    }
                    if (problem != null) {
                        unreadable.add(table + " row " + owner + ": search tokens not derived again: " + problem);
                        continue;
                    }
                    derived.add(owner);
                    tokens.add(ofRow);
                }
            }
        }
        if (derived.isEmpty()) {
            return 0;
        }
        try (PreparedStatement delete = connection.prepareStatement("delete from " + tokenTable + " where "
                + OWNER + " = ?")) {
            for (KeyTuple owner : derived) {
                owner.bind(delete, 1);
                delete.addBatch();
            }
            delete.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into " + tokenTable + " (" + OWNER + ", "
                + TOKEN + ") values (?, ?)")) {
            for (int i = 0; i < derived.size(); i++) {
                for (byte[] token : tokens.get(i)) {
                    derived.get(i).bind(insert, 1);
                    insert.setBytes(2, token);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
        return derived.size();
    }

    /** Adds the tokens of column {@code c}'s cell; returns why it cannot, or null. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private String tokensOf(int c, byte[] cell, List<byte[]> into) {
        SearchableColumn column = columns.get(c);
        byte[] plaintext = null;
        for (CellCipher cipher : readCiphers.get(c)) {
            try {
                plaintext = cipher.decrypt(cell);
                break;
            } catch (RuntimeException notThisKey) {
                // try the next key the key name may be under
            }
        }
        if (plaintext == null) {
            return "column " + column.attribute().column() + " authenticates under none of the keys of key name '"
                    + column.attribute().keyName() + "'";
        }
        Object value;
        try {
            value = EncryptedAttributeConverter.decode((EncryptedAttribute) column.attribute(), plaintext);
        } catch (RuntimeException e) {
            return "column " + column.attribute().column() + " does not hold a value of its type";
        }
        Map<SearchScheme, SearchTokenHash> ofColumn = hashes.get(c);
        into.addAll(SearchTokens.stored(column, value, ofColumn::get, ThreadLocalRandom.current()));
        return null;
    }

    private String lockingRead(int owners) {
        StringBuilder sql = new StringBuilder("select ").append(keyColumn);
        for (SearchableColumn column : columns) {
            sql.append(", ").append(column.attribute().column());
        }
        sql.append(" from ").append(table).append(" where ").append(keyColumn).append(" in (");
        for (int i = 0; i < owners; i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        return sql.append(") for update").toString();
    }
}
