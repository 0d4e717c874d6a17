package dev.hibernateae.lifecycle;

/** Hears how a lifecycle job advances, about once a second, on a thread of the job's own. */
@FunctionalInterface
public interface ProgressListener {
    /** Does nothing. */
    ProgressListener NONE = progress -> { };

    void onProgress(JobProgress progress);
}
