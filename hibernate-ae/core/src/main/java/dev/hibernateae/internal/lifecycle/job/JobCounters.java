package dev.hibernateae.internal.lifecycle.job;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/** What a job's batches did, added up once each batch committed. Thread-safe. */
public final class JobCounters {
    static final int MAX_SAMPLES = 20;

    final LongAdder rowsWalked = new LongAdder();
    final LongAdder rewritten = new LongAdder();
    final LongAdder alreadyDone = new LongAdder();
    final LongAdder nulls = new LongAdder();
    final LongAdder conflicts = new LongAdder();
    private final List<String> unreadable = new ArrayList<>();
    private long unreadableCount;

    void add(BatchResult batch, boolean countRows) {
        if (countRows) {
            rowsWalked.add(batch.rows());
        }
        rewritten.add(batch.rewritten());
        alreadyDone.add(batch.alreadyDone());
        nulls.add(batch.nulls());
        conflicts.add(batch.conflicts());
    }

    synchronized void unreadable(List<String> samples, long count) {
        unreadableCount += count;
        for (String sample : samples) {
            if (unreadable.size() < MAX_SAMPLES) {
                unreadable.add(sample);
            }
        }
    }

    synchronized void resetUnreadable() {
        unreadable.clear();
        unreadableCount = 0;
    }

    public long rowsWalked() {
        return rowsWalked.sum();
    }

    public long rewritten() {
        return rewritten.sum();
    }

    public long alreadyDone() {
        return alreadyDone.sum();
    }

    public long nulls() {
        return nulls.sum();
    }

    public long conflicts() {
        return conflicts.sum();
    }

    public synchronized long unreadableCount() {
        return unreadableCount;
    }

    public synchronized List<String> unreadableSamples() {
        return List.copyOf(unreadable);
    }
}
