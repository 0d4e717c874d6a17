/**
 * Column master keys in a Java keystore file (PKCS12 or JKS): the {@code MSSQL_JAVA_KEYSTORE} provider
 * {@link dev.hibernateae.keystore.JavaKeyStoreProvider}, compatible value for value with SQL Server's Java driver,
 * and the keystore file it reads (and rereads when the file changes).
 *
 * <p>Stable API: compatible changes only within a major version.
 */
package dev.hibernateae.keystore;
