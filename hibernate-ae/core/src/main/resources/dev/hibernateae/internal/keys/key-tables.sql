--! The key and lifecycle tables, written once for every database: ${word} and ${word:argument} are the database's
--! words (KeyTablesDdl), and lines starting --! are left out. Edit this template, never the scripts it renders in
--! META-INF/hibernate-ae/ddl/, then regenerate those (ShippedDdlScriptsTest says how).
-- hibernate-ae key tables, ${database}.
-- Column master key metadata, column encryption keys and their encrypted values, modelled on SQL Server's
-- sys.column_master_keys, sys.column_encryption_keys and sys.column_encryption_key_values.
-- Safe to run more than once (CREATE TABLE IF NOT EXISTS); nothing here ever drops a table.
-- Timestamps are UTC.${collation_note}

CREATE TABLE IF NOT EXISTS hae_column_master_keys (
    name                       ${key_name}    NOT NULL,
    key_store_provider_name    VARCHAR(128)    NOT NULL,
    key_path                   VARCHAR(4000)   NOT NULL,
    allow_enclave_computations BOOLEAN         NOT NULL,
    signature                  ${binary:2048} NOT NULL,
    created_at                 ${timestamp}    NOT NULL,
    CONSTRAINT hae_column_master_keys_pk PRIMARY KEY (name)
)${table_options};

-- name_tag binds a key's name to its bytes: HMAC-SHA256 of the name under a key derived from the key itself, so
-- that a value copied under another key's name is refused.
CREATE TABLE IF NOT EXISTS hae_column_encryption_keys (
    name       ${key_name} NOT NULL,
    created_at ${timestamp} NOT NULL,
    name_tag   ${binary:32},
    CONSTRAINT hae_column_encryption_keys_pk PRIMARY KEY (name)
)${table_options};

CREATE TABLE IF NOT EXISTS hae_column_encryption_key_values (
    column_encryption_key_name ${key_name}    NOT NULL,
    column_master_key_name     ${key_name}    NOT NULL,
    encryption_algorithm_name  VARCHAR(128)    NOT NULL,
    encrypted_value            ${binary:8000} NOT NULL,
    created_at                 ${timestamp}    NOT NULL,
    CONSTRAINT hae_column_encryption_key_values_pk PRIMARY KEY (column_encryption_key_name, column_master_key_name),
    CONSTRAINT hae_cek_values_cek_fk FOREIGN KEY (column_encryption_key_name)
        REFERENCES hae_column_encryption_keys (name),
    CONSTRAINT hae_cek_values_cmk_fk FOREIGN KEY (column_master_key_name)
        REFERENCES hae_column_master_keys (name)
)${table_options};

-- Key lifecycle (rotation and in-place encryption), read by running applications every
-- hibernate.ae.lifecycle.poll_interval and written by the key lifecycle jobs (hibernate-ae-cli).
-- hae_key_rotations: a key name in @Encrypted(key = ...) moving from source_key to target_key, phase ANNOUNCED
-- (both read, source written), ROTATING (target written) or COMPLETED. Every row carries a revision (one more than
-- the row it replaced) and an HMAC-SHA256 tag under a key derived from target_key: applications follow only rows
-- whose tag verifies and whose revision never goes back.

CREATE TABLE IF NOT EXISTS hae_key_rotations (
    key_name   ${key_name} NOT NULL,
    source_key ${key_name} NOT NULL,
    target_key ${key_name} NOT NULL,
    phase      VARCHAR(16)  NOT NULL,
    changed_at ${timestamp}  NOT NULL,
    revision   BIGINT       NOT NULL,
    tag        ${binary:32} NOT NULL,
    CONSTRAINT hae_key_rotations_pk PRIMARY KEY (key_name)
)${table_options};

-- hae_column_transitions: a column whose values are being encrypted in place (direction ENCRYPT) or decrypted
-- back (DECRYPT), with the key its cells are under (column_encryption_key, whose derived key makes the tag).
-- Applications let plaintext in or out only for columns their own settings name
-- (hibernate.ae.lifecycle.encrypting_columns / decrypting_columns).
CREATE TABLE IF NOT EXISTS hae_column_transitions (
    table_name            ${key_name} NOT NULL,
    column_name           ${key_name} NOT NULL,
    direction             VARCHAR(16)  NOT NULL,
    key_name              ${key_name} NOT NULL,
    column_encryption_key ${key_name} NOT NULL,
    encryption_type       VARCHAR(16)  NOT NULL,
    phase                 VARCHAR(16)  NOT NULL,
    changed_at            ${timestamp}  NOT NULL,
    revision              BIGINT       NOT NULL,
    tag                   ${binary:32} NOT NULL,
    CONSTRAINT hae_column_transitions_pk PRIMARY KEY (table_name, column_name)
)${table_options};

-- hae_encrypted_columns: the encrypted columns applications map, registered by each application at startup, so
-- that key rotation jobs find every column under a key name without being told. Tagged (HMAC-SHA256) under a key
-- derived from tag_key, the key name's key when the row was written: jobs use only rows whose tag verifies.
CREATE TABLE IF NOT EXISTS hae_encrypted_columns (
    table_name      ${key_name} NOT NULL,
    column_name     ${key_name} NOT NULL,
    attribute       VARCHAR(512) NOT NULL,
    key_name        ${key_name} NOT NULL,
    encryption_type VARCHAR(16)  NOT NULL,
    row_key         VARCHAR(1000) NOT NULL,
    registered_at   ${timestamp} NOT NULL,
    tag_key         ${key_name} NOT NULL,
    tag             ${binary:32} NOT NULL,
    CONSTRAINT hae_encrypted_columns_pk PRIMARY KEY (table_name, column_name)
)${table_options};

-- hae_search_tables: for each table with searchable encrypted attributes, what lifecycle jobs need to derive its
-- rows' search tokens (spec: the owner column and each searchable column's attribute and declared searches),
-- registered by each application at startup. Tagged (HMAC-SHA256) under a key derived from tag_key: jobs use a
-- spec only if its tag verifies, and refuse to rewrite a table with search tokens without one.
CREATE TABLE IF NOT EXISTS hae_search_tables (
    table_name    ${key_name} NOT NULL,
    spec          VARCHAR(4000) NOT NULL,
    registered_at ${timestamp} NOT NULL,
    tag_key       ${key_name} NOT NULL,
    tag           ${binary:32} NOT NULL,
    CONSTRAINT hae_search_tables_pk PRIMARY KEY (table_name)
)${table_options};

-- hae_lifecycle_jobs: one row per key-range partition of a re-encryption job: its bounds, its checkpoint (the last
-- key done, committed with each batch), and the worker that holds it.
CREATE TABLE IF NOT EXISTS hae_lifecycle_jobs (
    job_name     VARCHAR(200)  NOT NULL,
    partition_no INTEGER       NOT NULL,
    lower_bound  VARCHAR(4000),
    upper_bound  VARCHAR(4000),
    last_key     VARCHAR(4000),
    rows_done    BIGINT        NOT NULL,
    rows_planned BIGINT        NOT NULL,
    state        VARCHAR(16)   NOT NULL,
    owner        VARCHAR(200),
    heartbeat_at ${timestamp},
    CONSTRAINT hae_lifecycle_jobs_pk PRIMARY KEY (job_name, partition_no)
)${table_options};
