/**
 * Administration of the key hierarchy in the database: column master key metadata, column encryption keys and
 * their encrypted values. The command-line tool builds on {@link dev.hibernateae.admin.ColumnKeyAdministration};
 * applications can call it too, for example to provision keys in tests.
 */
package dev.hibernateae.admin;
