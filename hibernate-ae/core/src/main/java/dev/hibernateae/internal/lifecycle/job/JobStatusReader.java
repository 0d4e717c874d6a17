package dev.hibernateae.internal.lifecycle.job;

import dev.hibernateae.lifecycle.LifecycleStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Jobs' partitions as status reports show them. */
public final class JobStatusReader {
    private JobStatusReader() {
    }

    public static List<LifecycleStatus.Job> jobs(Connection connection) throws SQLException {
        List<LifecycleStatus.Job> jobs = new ArrayList<>();
        for (String name : JobCatalog.jobNames(connection)) {
            List<JobPartition> partitions = JobCatalog.partitions(connection, name);
            jobs.add(new LifecycleStatus.Job(name, partitions.size(),
                    (int) partitions.stream().filter(p -> p.state() == JobPartition.State.DONE).count(),
                    partitions.stream().mapToLong(JobPartition::rowsDone).sum(),
                    partitions.stream().mapToLong(JobPartition::rowsPlanned).sum(),
                    partitions.stream().map(JobPartition::owner).filter(Objects::nonNull).distinct().toList()));
        }
        return jobs;
    }

    public static void delete(Connection connection, String job) throws SQLException {
        JobCatalog.delete(connection, job);
    }
}
