/**
 * Range search on encrypted attributes, the arithmetic part: an attribute's declared domain mapped order-preservingly
 * onto unsigned integer codes ({@link dev.hibernateae.internal.search.range.RangeEncodings}), and the dyadic tree
 * over those codes whose nodes a stored value gets tokens for and a query's interval is covered by
 * ({@link dev.hibernateae.internal.search.range.DyadicCover}). A value matches a query exactly when one of its nodes
 * is in the query's cover; keying the node bytes (an HMAC) happens elsewhere, so nothing here is secret.
 *
 * <p>Internal: not part of the public API; may change in any release without notice. Do not use from applications.
 */
package dev.hibernateae.internal.search.range;
