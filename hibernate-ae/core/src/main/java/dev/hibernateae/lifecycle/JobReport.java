package dev.hibernateae.lifecycle;

import java.time.Duration;
import java.util.List;

/**
 * What a lifecycle job did. Counts are of values (a row with two processed columns counts twice), except
 * {@code rowsWalked}. Never holds a value, only row keys.
 *
 * @param operation what was done, naming keys and columns
 * @param completed whether the rotation or transition was marked completed (every value verified in the target
 *        form); false when values could not be read, or the job was cancelled
 * @param rowsWalked rows read in the first pass
 * @param rewritten values rewritten (first pass and verification)
 * @param alreadyDone values that were already in the target form
 * @param nulls null values (never encrypted)
 * @param conflicts values the application changed between the job's read and write (left to the application's
 *        newer value, then verified)
 * @param unreadable values in neither form, left alone
 * @param unreadableSamples up to 20 of them: table, row key, column and why
 * @param elapsed wall time, waiting included
 */
public record JobReport(String operation, boolean completed, long rowsWalked, long rewritten, long alreadyDone,
        long nulls, long conflicts, long unreadable, List<String> unreadableSamples, Duration elapsed) {

    public JobReport {
        unreadableSamples = List.copyOf(unreadableSamples);
    }

    /** An operation that found its work already done: completed, nothing rewritten. */
    public static JobReport nothingToDo(String operation, Duration elapsed) {
        return new JobReport(operation, true, 0, 0, 0, 0, 0, 0, List.of(), elapsed);
    }

    /** An operation that stopped before it rewrote anything (cancelled while waiting): resumable. */
    public static JobReport cancelled(String operation, Duration elapsed) {
        return new JobReport(operation, false, 0, 0, 0, 0, 0, 0, List.of(), elapsed);
    }
}
