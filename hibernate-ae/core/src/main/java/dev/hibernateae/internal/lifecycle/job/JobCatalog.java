package dev.hibernateae.internal.lifecycle.job;

import static dev.hibernateae.internal.lifecycle.LifecycleTables.JOBS;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The SQL of the job partitions table: plans, claims and checkpoints. */
final class JobCatalog {
    private static final String COLUMNS = "partition_no, lower_bound, upper_bound, last_key, rows_done, rows_planned,"
            + " state, owner, heartbeat_at";

    private JobCatalog() {
    }

    static List<JobPartition> partitions(Connection connection, String job) throws SQLException {
        List<JobPartition> partitions = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS + " from " + JOBS
                + " where job_name = ? order by partition_no")) {
            select.setString(1, job);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    LocalDateTime heartbeat = rows.getObject(9, LocalDateTime.class);
                    partitions.add(new JobPartition(rows.getInt(1), KeyTuple.decode(rows.getString(2)),
                            KeyTuple.decode(rows.getString(3)), KeyTuple.decode(rows.getString(4)), rows.getLong(5),
                            rows.getLong(6), JobPartition.State.valueOf(rows.getString(7).trim()), rows.getString(8),
                            heartbeat == null ? null : heartbeat.toInstant(ZoneOffset.UTC)));
                }
            }
        }
        return partitions;
    }

    /** Job names with partitions, with their partitions' totals: for status reports. */
    static List<String> jobNames(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select distinct job_name from " + JOBS
                + " order by job_name"); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    static void insert(Connection connection, String job, List<JobPartition> plan) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into " + JOBS + " (job_name, " + COLUMNS
                + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (JobPartition p : plan) {
                insert.setString(1, job);
                insert.setInt(2, p.number());
                insert.setString(3, p.lower() == null ? null : p.lower().encode());
                insert.setString(4, p.upper() == null ? null : p.upper().encode());
                insert.setString(5, null);
                insert.setLong(6, 0);
                insert.setLong(7, p.rowsPlanned());
                insert.setString(8, JobPartition.State.PENDING.name());
                insert.setString(9, null);
                insert.setObject(10, null);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Takes a partition that is not done and is free, already this worker's, or whose owner stopped committing
     * before {@code staleBefore}.
     */
    static boolean claim(Connection connection, String job, int partition, String owner, Instant now,
            Instant staleBefore) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update " + JOBS + " set owner = ?, "
                + "heartbeat_at = ?, state = ? where job_name = ? and partition_no = ? and state <> ? and "
                + "(owner is null or owner = ? or heartbeat_at is null or heartbeat_at < ?)")) {
            update.setString(1, owner);
            update.setObject(2, utc(now));
            update.setString(3, JobPartition.State.RUNNING.name());
            update.setString(4, job);
            update.setInt(5, partition);
            update.setString(6, JobPartition.State.DONE.name());
            update.setString(7, owner);
            update.setObject(8, utc(staleBefore));
            return update.executeUpdate() == 1;
        }
    }

    /**
     * Records the batch that ends at {@code lastKey}, in the batch's own transaction, if this worker still owns
     * the partition; false if it lost it (then the caller rolls the batch back).
     */
    static boolean checkpoint(Connection connection, String job, int partition, String owner, KeyTuple lastKey,
            long rows, boolean done, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update " + JOBS + " set last_key = ?, "
                + "rows_done = rows_done + ?, state = ?, heartbeat_at = ?, owner = ? where job_name = ? and "
                + "partition_no = ? and owner = ?")) {
            update.setString(1, lastKey == null ? null : lastKey.encode());
            update.setLong(2, rows);
            update.setString(3, (done ? JobPartition.State.DONE : JobPartition.State.RUNNING).name());
            update.setObject(4, utc(now));
            update.setString(5, done ? null : owner);
            update.setString(6, job);
            update.setInt(7, partition);
            update.setString(8, owner);
            return update.executeUpdate() == 1;
        }
    }

    static long rowsDone(Connection connection, String job) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select coalesce(sum(rows_done), 0) from " + JOBS
                + " where job_name = ?")) {
            select.setString(1, job);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    static void delete(Connection connection, String job) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from " + JOBS + " where job_name = ?")) {
            delete.setString(1, job);
            delete.executeUpdate();
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
