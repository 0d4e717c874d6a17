package dev.hibernateae.internal.lifecycle.job;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.lifecycle.JobOptions;
import dev.hibernateae.lifecycle.JobProgress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The pause between announcing a change and rewriting the first row: every running application reads the
 * lifecycle tables within its poll interval, and must have switched (to writing the new key, to writing
 * plaintext) before the job starts, or it could write behind the job.
 */
public final class Waiting {
    private Waiting() {
    }

    /** @return false when the job was cancelled while waiting */
    public static boolean until(Instant deadline, String job, JobOptions options, Clock clock) {
        while (true) {
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                return true;
            }
            if (options.cancelled().getAsBoolean()) {
                return false;
            }
            options.progress().onProgress(new JobProgress(job, JobProgress.Stage.WAITING, 0, 0, 0, left));
            try {
                Thread.sleep(Math.min(1000, left.toMillis() + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AlwaysEncryptedException("Interrupted while waiting for applications to see " + job, e);
            }
        }
    }
}
