package dev.hibernateae.benchmarks.search;

import dev.hibernateae.benchmarks.support.BenchmarkDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.SplittableRandom;

/**
 * What writing the token rows costs the database alone: a copy of the token table's definition (same columns, same
 * primary key and index, {@code like ... including all}) filled by plain JDBC with as many random 16-byte tokens per
 * batch as the searchable side stored for that batch, in one batched statement per batch (multi-row inserts). Added
 * to the encrypted side's insert time, it estimates the searchable side's insert time if tokens were written once
 * per flush rather than once per entity; it leaves out computing the tokens (keyed hashes, a few microseconds a row).
 */
final class TokenWriteFloor implements AutoCloseable {
    static final String TABLE = "bench_item_token_floor";

    private final Connection connection;
    private final PreparedStatement insert;
    private final PreparedStatement countTokens;
    private final SplittableRandom random = new SplittableRandom(7);

    TokenWriteFloor(BenchmarkDatabase.Instance db) throws SQLException {
        connection = db.connect();
        try (Statement s = connection.createStatement()) {
            s.execute("create table " + TABLE + " (like " + SearchableItem.TOKEN_TABLE + " including all)");
        }
        connection.setAutoCommit(false);
        insert = connection.prepareStatement("insert into " + TABLE + " (owner_id, token) values (?, ?)");
        countTokens = connection.prepareStatement("select count(*) from " + SearchableItem.TOKEN_TABLE
                + " where owner_id between ? and ?");
    }

    /** Writes as many tokens as the searchable side holds for owners {@code first..last}; returns the nanoseconds. */
    long write(long first, long last) throws SQLException {
        countTokens.setLong(1, first);
        countTokens.setLong(2, last);
        long tokens;
        try (ResultSet rs = countTokens.executeQuery()) {
            rs.next();
            tokens = rs.getLong(1);
        }
        connection.commit();
        byte[][] values = new byte[(int) tokens][16];
        for (byte[] value : values) {
            random.nextBytes(value);
        }
        long start = System.nanoTime();
        long owners = last - first + 1;
        for (int i = 0; i < values.length; i++) {
            insert.setLong(1, first + i % owners);
            insert.setBytes(2, values[i]);
            insert.addBatch();
        }
        insert.executeBatch();
        connection.commit();
        return System.nanoTime() - start;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
