/**
 * Operating hibernate-ae with Spring Boot Actuator and Micrometer: the {@code hibernateAe} health indicator (key store
 * reachability and the key cache, from what the key ring last saw, without calling a key store) and the
 * {@code hibernate_ae.*} meters (key unwraps, key cache hits and misses, key store latency and failures). Each is
 * configured only when its library is on the class path, and each can be turned off.
 *
 * <p>Stable API: compatible changes only within a major version.
 */
package dev.hibernateae.spring.actuate;
