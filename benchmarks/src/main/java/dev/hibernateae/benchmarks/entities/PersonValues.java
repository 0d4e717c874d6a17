package dev.hibernateae.benchmarks.entities;

import java.time.LocalDate;

/**
 * The attribute values of one person row; row {@code i} is the same for every twin. National IDs are unique (see
 * {@link KeyOrder}), so a lookup by one finds exactly one row.
 */
public record PersonValues(String nationalId, String email, LocalDate birthDate, String lastName, String city,
        int visits) {
    private static final String[] LAST_NAMES = {"Doe", "Martin", "Garcia", "Nguyen", "Okafor", "Schmidt", "Rossi"};
    private static final String[] CITIES = {"Lyon", "Porto", "Leeds", "Graz", "Tartu", "Malmo", "Gent"};

    public static PersonValues row(int i, KeyOrder order) {
        long n = order.nationalId(i);
        String nationalId = String.format("%03d-%02d-%04d", n / 1_000_000, (n / 10_000) % 100, n % 10_000);
        return new PersonValues(nationalId, "person" + i + "@example.org",
                LocalDate.of(1940, 1, 1).plusDays(i % 25_000L), LAST_NAMES[i % LAST_NAMES.length],
                CITIES[(i / 7) % CITIES.length], i % 50);
    }
}
