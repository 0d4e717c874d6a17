-- hibernate-ae search tokens: the token table of one table with searchable attributes (@EqualitySearch,
-- @IgnoreCaseSearch, @PrefixSearch, @SuffixSearch, @RangeSearch), for schemas not managed by Hibernate.
-- Hibernate's schema management (create, update) creates it by itself, and validate reports it missing.
-- Replace ${table} with the table's name and ${owner_id_type} with the SQL type of its primary key column;
-- create it in the table's schema.
create table ${table}_hae_tokens (
    token varbinary(16) not null,
    owner_id ${owner_id_type} not null,
    primary key (token, owner_id)
);
create index ${table}_hae_tokens_owner on ${table}_hae_tokens (owner_id);
