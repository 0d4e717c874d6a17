package dev.hibernateae.lifecycle;

import java.time.Duration;

/**
 * Where a lifecycle job stands: rows walked of the rows the table held when the job was planned (by every worker,
 * in every process, as the job's checkpoints say), the rate over the last interval, and the time left at that rate.
 *
 * @param job the job's name
 * @param stage what the job is doing now
 * @param rowsDone rows walked so far
 * @param rowsTotal rows planned (the table's row count when the job was planned)
 * @param rowsPerSecond recent rate, 0 when unknown
 * @param remaining estimated time left, or null when unknown
 */
public record JobProgress(String job, Stage stage, long rowsDone, long rowsTotal, double rowsPerSecond,
        Duration remaining) {

    /** What a job is doing. */
    public enum Stage {
        /** Waiting until every running application has seen the change (their poll interval). */
        WAITING,
        /** Walking the table's partitions and rewriting values. */
        REWRITING,
        /** Walking the whole table once more to prove every value is in the target form. */
        VERIFYING,
        /** Finished. */
        DONE
    }

    /** Percentage done, 0..100. */
    public double percent() {
        return rowsTotal <= 0 ? 100.0 : Math.min(100.0, 100.0 * rowsDone / rowsTotal);
    }
}
