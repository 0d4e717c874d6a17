package dev.hibernateae.cli;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

/** A job that a Ctrl-C stops between two batches rather than in the middle of one. */
final class Interruptible {
    private Interruptible() {
    }

    /**
     * Runs {@code job}; on Ctrl-C (or a plain {@code kill}) it asks the job to stop after its current batch and
     * waits a little for it, so the rerun resumes from a fresh checkpoint. A {@code kill -9} is safe too: the batch
     * in flight is rolled back by the database.
     */
    static int run(AtomicBoolean cancelled, IntSupplier job) {
        Object finished = new Object();
        boolean[] done = {false};
        Thread hook = new Thread(() -> {
            cancelled.set(true);
            synchronized (finished) {
                long deadline = System.currentTimeMillis() + 10_000;
                while (!done[0] && System.currentTimeMillis() < deadline) {
                    try {
                        finished.wait(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, "hibernate-ae-cli stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return job.getAsInt();
        } finally {
            synchronized (finished) {
                done[0] = true;
                finished.notifyAll();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it sees done and returns
            }
        }
    }
}
