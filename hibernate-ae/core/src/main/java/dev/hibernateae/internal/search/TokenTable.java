package dev.hibernateae.internal.search;

/**
 * The token table of one table with searchable attributes: {@code <table>_hae_tokens (owner_id, token)}, primary
 * key {@code (token, owner_id)} (a lookup by token is an index range scan), and an index on {@code owner_id} (the
 * tokens of a row are replaced when it changes). {@code owner_id} holds the primary key of the row the token
 * belongs to, in the type of that key, so a query's lookup joins on it without conversion.
 *
 * @param name the table's name as SQL renders it (qualified, quoted as the dialect needs)
 * @param ownerTable the table whose rows the tokens point at, as SQL renders it
 * @param ownerKeyColumn that table's primary key column
 */
public record TokenTable(String name, String ownerTable, String ownerKeyColumn) {
    public static final String SUFFIX = "_hae_tokens";
    public static final String OWNER_COLUMN = "owner_id";
    public static final String TOKEN_COLUMN = "token";

    /** {@code SELECT owner_id FROM t WHERE token IN (?, ...)} with {@code tokens} parameters. */
    public String lookup(int tokens) {
        StringBuilder sql = new StringBuilder("select ").append(OWNER_COLUMN).append(" from ").append(name)
                .append(" where ").append(TOKEN_COLUMN);
        if (tokens == 1) {
            return sql.append(" = ?").toString();
        }
        sql.append(" in (");
        for (int i = 0; i < tokens; i++) {
            sql.append(i == 0 ? "?" : ",?");
        }
        return sql.append(')').toString();
    }

    String insert() {
        return "insert into " + name + " (" + OWNER_COLUMN + ", " + TOKEN_COLUMN + ") values (?, ?)";
    }

    String deleteOwner() {
        return "delete from " + name + " where " + OWNER_COLUMN + " = ?";
    }
}
