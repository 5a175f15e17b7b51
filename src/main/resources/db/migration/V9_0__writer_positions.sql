-- Read-your-writes with a read replica (docs/read-replica.md, platform): the primary's WAL position (in bytes) after
-- each client's latest write, under the client's key (user:<id> or address:<ip>). Used only with a replica; rows
-- are deleted once no replica in use can still be behind them.
create table writer_positions (
    writer       varchar(100) primary key,
    wal_position bigint not null,
    written_at   timestamp with time zone not null
);
