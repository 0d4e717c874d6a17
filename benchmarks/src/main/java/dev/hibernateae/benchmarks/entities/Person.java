package dev.hibernateae.benchmarks.entities;

/** What both twins hold, so the benchmark checks what it loaded without caring which twin it is. */
public interface Person {
    PersonValues values();
}
