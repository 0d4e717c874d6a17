package dev.hibernateae.samples.quarkus;

import dev.hibernateae.spi.KeyRingListener;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Named in {@code %test.quarkus.hibernate-ae.key-ring-listeners}: the core loads it by class name from the
 * application and tells it of every key it unwraps, with the calling thread's JTA transaction status at that moment.
 */
public class RecordingKeyRingListener implements KeyRingListener {
    private static final Map<String, Integer> UNWRAPPED = new ConcurrentHashMap<>();

    /** The keys unwrapped so far, each with the JTA status of the thread when it was ({@code jakarta.transaction.Status}). */
    static Map<String, Integer> unwrapped() {
        return Map.copyOf(UNWRAPPED);
    }

    @Override
    public void keyUnwrapped(String keyName, String providerName, Duration duration) {
        UNWRAPPED.put(keyName, transactionStatus());
    }

    private static int transactionStatus() {
        try {
            return com.arjuna.ats.jta.TransactionManager.transactionManager().getStatus();
        } catch (jakarta.transaction.SystemException e) {
            throw new IllegalStateException(e);
        }
    }
}
