/**
 * The key lifecycle's records in the database: which key and format each encrypted column uses during rotations
 * and in-place encryption, authenticated, and watched by every running application.
 *
 * <p>Internal: not part of the public API; may change in any release without notice. Do not use from applications.
 */
package dev.hibernateae.internal.lifecycle;
