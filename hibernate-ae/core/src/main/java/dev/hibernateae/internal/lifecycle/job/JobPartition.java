package dev.hibernateae.internal.lifecycle.job;

import java.time.Instant;

/**
 * One key range of a job, as {@value dev.hibernateae.internal.lifecycle.LifecycleTables#JOBS} holds it.
 *
 * @param number 0-based
 * @param lower exclusive lower bound, null for the first partition
 * @param upper inclusive upper bound, null for the last partition
 * @param lastKey the checkpoint: the last key whose batch committed, null before the first batch
 * @param rowsDone rows walked so far
 * @param rowsPlanned rows the range held when the job was planned
 * @param state where the partition stands
 * @param owner the worker holding it, or null
 * @param heartbeat when its owner last committed a batch, or null
 */
public record JobPartition(int number, KeyTuple lower, KeyTuple upper, KeyTuple lastKey, long rowsDone,
        long rowsPlanned, State state, String owner, Instant heartbeat) {

    /** Where a partition stands. */
    public enum State {
        PENDING, RUNNING, DONE
    }

    /** Where the next batch starts: after the checkpoint, else after the lower bound. */
    public KeyTuple resumeAfter() {
        return lastKey != null ? lastKey : lower;
    }
}
