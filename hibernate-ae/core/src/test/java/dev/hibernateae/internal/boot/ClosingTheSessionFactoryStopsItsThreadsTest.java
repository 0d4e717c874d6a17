package dev.hibernateae.internal.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hibernateae.internal.hibernate.model.Patient;
import dev.hibernateae.testing.StaticKeyRing;
import dev.hibernateae.testing.TestDatabase;
import dev.hibernateae.testing.TestSessionFactories;
import java.util.concurrent.TimeUnit;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/**
 * A closed session factory leaves no hibernate-ae thread behind. The key lifecycle watcher's thread once outlived its
 * factory (hibernate-ae's integrator did not pass {@code disintegrate} on): every boot and close of an application
 * or a test context leaked a thread and, through it, the whole factory, until the heap ran out.
 */
class ClosingTheSessionFactoryStopsItsThreadsTest {
    private static final String WATCHER = "hibernate-ae lifecycle watcher";

    @Test
    void theLifecycleWatcherStopsWhenItsSessionFactoryCloses() throws InterruptedException {
        int before = liveWatchers();
        try (TestDatabase.Instance db = TestDatabase.H2.create()) {
            for (int i = 0; i < 3; i++) {
                SessionFactory factory = TestSessionFactories.build(db, StaticKeyRing.withRandomKeys("cek1", "cek2"),
                        Patient.class);
                factory.inTransaction(session -> session.createSelectionQuery("from Patient", Patient.class)
                        .getResultList());
                assertEquals(before + 1, liveWatchers(), "a running factory has its watcher");
                factory.close();
                awaitWatchers(before);
            }
        }
        assertEquals(before, liveWatchers(), "no watcher outlives its session factory");
    }

    private static void awaitWatchers(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (liveWatchers() != expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private static int liveWatchers() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().equals(WATCHER)).count();
    }
}
