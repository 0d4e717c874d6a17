package dev.hibernateae.lifecycle;

import java.time.Instant;
import java.util.List;

/**
 * The key lifecycle as the database records it: rotations of column encryption keys, columns being encrypted in
 * place or decrypted back, and the partitions of jobs that have not finished.
 */
public record LifecycleStatus(List<Rotation> rotations, List<Transition> transitions, List<Job> jobs) {

    public LifecycleStatus {
        rotations = List.copyOf(rotations);
        transitions = List.copyOf(transitions);
        jobs = List.copyOf(jobs);
    }

    /**
     * The key name {@code keyName} writes with {@code targetKey}; cells of {@code sourceKey} are still read.
     *
     * @param phase {@code ROTATING} or {@code COMPLETED}
     */
    public record Rotation(String keyName, String sourceKey, String targetKey, String phase, Instant changedAt) {
    }

    /**
     * A column moving between plaintext and cells.
     *
     * @param direction {@code ENCRYPT} or {@code DECRYPT}
     * @param phase {@code RUNNING} or {@code COMPLETED}
     */
    public record Transition(String table, String column, String direction, String keyName, String type,
            String phase, Instant changedAt) {
    }

    /**
     * A job with partitions left (finished jobs remove theirs).
     *
     * @param owners the workers holding partitions now
     */
    public record Job(String name, int partitions, int partitionsDone, long rowsDone, long rowsPlanned,
            List<String> owners) {
    }

    /** Whether nothing is in progress: no rotation or transition running, no job left. */
    public boolean idle() {
        return jobs.isEmpty() && rotations.stream().noneMatch(r -> r.phase().equals("ROTATING"))
                && transitions.stream().noneMatch(t -> t.phase().equals("RUNNING"));
    }
}
