/**
 * Administration of the key hierarchy in the database: column master key metadata, column encryption keys and
 * their encrypted values. The command-line tool builds on {@link dev.hibernateae.admin.ColumnKeyAdministration};
 * applications can call it too, for example to provision keys in tests.
 *
 * <p>Stable API: compatible changes only within a major version.
 */
package dev.hibernateae.admin;
