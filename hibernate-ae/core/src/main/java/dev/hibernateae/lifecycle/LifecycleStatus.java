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
     * The key name {@code keyName} moves from {@code sourceKey} to {@code targetKey}.
     *
     * @param phase {@code ANNOUNCED} (both read, source written), {@code ROTATING} (target written) or
     *        {@code COMPLETED}
     * @param revision how many times the record moved forward
     * @param authentic whether its tag verifies under the target key; applications ignore (and refuse the key name
     *        of) a record that does not
     */
    public record Rotation(String keyName, String sourceKey, String targetKey, String phase, Instant changedAt,
            long revision, boolean authentic) {
    }

    /**
     * A column moving between plaintext and cells.
     *
     * @param direction {@code ENCRYPT} or {@code DECRYPT}
     * @param phase {@code ANNOUNCED} (decryption only), {@code RUNNING}, {@code COMPLETED} or {@code FORGOTTEN}
     * @param revision how many times the record moved forward
     * @param authentic whether its tag verifies; applications ignore (and refuse the column of) a record that does
     *        not
     */
    public record Transition(String table, String column, String direction, String keyName, String type,
            String phase, Instant changedAt, long revision, boolean authentic) {
    }

    /**
     * A job with partitions left (finished jobs remove theirs).
     *
     * @param owners the workers holding partitions now
     */
    public record Job(String name, int partitions, int partitionsDone, long rowsDone, long rowsPlanned,
            List<String> owners) {
    }

    /** Whether nothing is in progress: no rotation or transition running, no job left, every record authentic. */
    public boolean idle() {
        return jobs.isEmpty() && rotations.stream().allMatch(r -> r.phase().equals("COMPLETED") && r.authentic())
                && transitions.stream().allMatch(t -> (t.phase().equals("COMPLETED") || t.phase().equals("FORGOTTEN"))
                        && t.authentic());
    }
}
