-- What storing 22 search tokens per row costs PostgreSQL by itself, without Hibernate or the network: 500,000 rows
-- in 10 transactions of 50,000, each layout into its own table, random 16-byte tokens.
--   psql -h 127.0.0.1 -U postgres -d test -f benchmarks/sql/token-storage-floor.sql
-- entity:   one row of two 32-byte cells per row (what plain @Encrypted writes)
-- btree2:   22 rows (token, owner_id), primary key (token, owner_id) and an index on owner_id (hibernate-ae's layout)
-- btree1:   the same without the owner_id index
-- gin:      one row (owner_id, tokens bytea[22]) with a GIN index (fastupdate on)
\timing on
drop table if exists floor_entity, floor_btree2, floor_btree1, floor_gin cascade;
create table floor_entity (id bigint primary key, a bytea, b bytea);
create table floor_btree2 (token bytea not null, owner_id bigint not null, primary key (token, owner_id));
create index floor_btree2_owner on floor_btree2 (owner_id);
create table floor_btree1 (token bytea not null, owner_id bigint not null, primary key (token, owner_id));
create table floor_gin (owner_id bigint primary key, tokens bytea[] not null);
create index floor_gin_tokens on floor_gin using gin (tokens);
select 'entity';
do $$ begin for r in 0..9 loop
  insert into floor_entity select g, decode(md5(g::text) || md5((g + 1)::text), 'hex'),
      decode(md5((g + 2)::text) || md5((g + 3)::text), 'hex') from generate_series(r * 50000 + 1, (r + 1) * 50000) g;
  commit; end loop; end $$;
select 'btree2';
do $$ begin for r in 0..9 loop
  insert into floor_btree2 select decode(md5(random()::text), 'hex'), g
      from generate_series(r * 50000 + 1, (r + 1) * 50000) g, generate_series(1, 22) k;
  commit; end loop; end $$;
select 'btree1';
do $$ begin for r in 0..9 loop
  insert into floor_btree1 select decode(md5(random()::text), 'hex'), g
      from generate_series(r * 50000 + 1, (r + 1) * 50000) g, generate_series(1, 22) k;
  commit; end loop; end $$;
select 'gin';
do $$ begin for r in 0..9 loop
  insert into floor_gin select s.g, (select array_agg(decode(md5(random()::text || s.g::text || k::text), 'hex'))
      from generate_series(1, 22) k) from generate_series(r * 50000 + 1, (r + 1) * 50000) as s(g);
  commit; end loop; end $$;
select relname, pg_size_pretty(pg_total_relation_size(oid)) from pg_class
    where relname in ('floor_entity', 'floor_btree2', 'floor_btree1', 'floor_gin') order by relname;
drop table floor_entity, floor_btree2, floor_btree1, floor_gin;
