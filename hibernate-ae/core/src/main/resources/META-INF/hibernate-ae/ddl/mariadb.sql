-- hibernate-ae key tables, MariaDB (tested with MariaDB 10.11).
-- Column master key metadata, column encryption keys and their encrypted values, modelled on SQL Server's
-- sys.column_master_keys, sys.column_encryption_keys and sys.column_encryption_key_values.
-- Safe to run more than once (CREATE TABLE IF NOT EXISTS); nothing here ever drops a table.
-- Timestamps are UTC. Key names use a binary collation so that they are case-sensitive, as on other databases.

CREATE TABLE IF NOT EXISTS hae_column_master_keys (
    name                       VARCHAR(128) COLLATE utf8mb4_bin NOT NULL,
    key_store_provider_name    VARCHAR(128)    NOT NULL,
    key_path                   VARCHAR(4000)   NOT NULL,
    allow_enclave_computations BOOLEAN         NOT NULL,
    signature                  VARBINARY(2048) NOT NULL,
    created_at                 DATETIME(6)     NOT NULL,
    CONSTRAINT hae_column_master_keys_pk PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE IF NOT EXISTS hae_column_encryption_keys (
    name       VARCHAR(128) COLLATE utf8mb4_bin NOT NULL,
    created_at DATETIME(6) NOT NULL,
    CONSTRAINT hae_column_encryption_keys_pk PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE IF NOT EXISTS hae_column_encryption_key_values (
    column_encryption_key_name VARCHAR(128) COLLATE utf8mb4_bin NOT NULL,
    column_master_key_name     VARCHAR(128) COLLATE utf8mb4_bin NOT NULL,
    encryption_algorithm_name  VARCHAR(128)    NOT NULL,
    encrypted_value            VARBINARY(8000) NOT NULL,
    created_at                 DATETIME(6)     NOT NULL,
    CONSTRAINT hae_column_encryption_key_values_pk PRIMARY KEY (column_encryption_key_name, column_master_key_name),
    CONSTRAINT hae_cek_values_cek_fk FOREIGN KEY (column_encryption_key_name)
        REFERENCES hae_column_encryption_keys (name),
    CONSTRAINT hae_cek_values_cmk_fk FOREIGN KEY (column_master_key_name)
        REFERENCES hae_column_master_keys (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
