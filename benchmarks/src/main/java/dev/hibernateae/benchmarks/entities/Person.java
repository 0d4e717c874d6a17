package dev.hibernateae.benchmarks.entities;

/** What every twin is, so the benchmark checks what it loaded without caring which twin it is. */
public interface Person {
    /** Whether this entity holds the row {@code expected} describes. */
    boolean holds(PersonValues expected);
}
