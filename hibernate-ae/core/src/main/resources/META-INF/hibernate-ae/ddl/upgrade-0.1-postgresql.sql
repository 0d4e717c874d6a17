-- hibernate-ae: upgrade the key lifecycle tables made by hibernate-ae 0.1 (PostgreSQL). Safe to run more than once.
-- Records written by 0.1 get revision 0 and no tag: applications refuse them until hibernate-ae-cli
-- authenticate-records --apply tags them, and binds each column encryption key's name to it (see docs/lifecycle.md,
-- "Upgrading from 0.1").
ALTER TABLE hae_key_rotations ADD COLUMN IF NOT EXISTS revision BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE hae_key_rotations ADD COLUMN IF NOT EXISTS tag BYTEA;
ALTER TABLE hae_column_transitions ADD COLUMN IF NOT EXISTS column_encryption_key VARCHAR(128);
UPDATE hae_column_transitions SET column_encryption_key = key_name WHERE column_encryption_key IS NULL;
ALTER TABLE hae_column_transitions ALTER COLUMN column_encryption_key SET NOT NULL;
ALTER TABLE hae_column_transitions ADD COLUMN IF NOT EXISTS revision BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE hae_column_transitions ADD COLUMN IF NOT EXISTS tag BYTEA;
ALTER TABLE hae_column_encryption_keys ADD COLUMN IF NOT EXISTS name_tag BYTEA;
