-- Each session remembers the client that opened it and when it was last used (written at most once a minute),
-- so its owner can list and end their sessions.
alter table sessions add column client_address varchar(64);
alter table sessions add column user_agent varchar(256);
alter table sessions add column last_used_at timestamp with time zone;

-- The devices (client address + user agent) an account signed in from, as SHA-256 hashes: a sign-in from one
-- not among them is announced by email. Bounded per account (the least recently seen go first).
create table known_devices (
    user_id       bigint      not null references users (id) on delete cascade,
    device_hash   varchar(64) not null,
    first_seen_at timestamp with time zone not null,
    last_seen_at  timestamp with time zone not null,
    primary key (user_id, device_hash)
);
