-- Account lifecycle: single-use email tokens, two-factor login, and anonymized (deleted) accounts.

-- A deleted account keeps its row (and id) so that its posts keep an author; see README "Account deletion".
alter table users add column deleted_at timestamp with time zone;

-- Single-use tokens sent by email (verification, password reset). Only the SHA-256 of a token is kept.
-- A verification token names the address it was sent to: it proves nothing about any other address.
create table account_tokens (
    token_hash varchar(64)  primary key,
    user_id    bigint       not null references users (id) on delete cascade,
    purpose    varchar(20)  not null,
    email_key  varchar(254) not null,
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    used_at    timestamp with time zone
);

create index account_tokens_by_user on account_tokens (user_id, purpose, created_at);
create index account_tokens_by_expiry on account_tokens (expires_at);

-- TOTP secrets, encrypted at rest (AES-GCM). enabled_at is null while enrolment awaits its first code.
-- last_used_step makes every code single-use: only a later time step is ever accepted.
create table two_factor (
    user_id          bigint primary key references users (id) on delete cascade,
    secret_encrypted varchar(200) not null,
    created_at       timestamp with time zone not null,
    enabled_at       timestamp with time zone,
    last_used_step   bigint
);

create table recovery_codes (
    user_id   bigint      not null references users (id) on delete cascade,
    code_hash varchar(64) not null,
    used_at   timestamp with time zone,
    primary key (user_id, code_hash)
);

-- The second step of a two-factor login: proof that the password was right, kept only as a hash.
create table login_challenges (
    challenge_hash varchar(64) primary key,
    user_id        bigint      not null references users (id) on delete cascade,
    expires_at     timestamp with time zone not null,
    failed_codes   int         not null default 0
);

create index login_challenges_by_user on login_challenges (user_id);
create index login_challenges_by_expiry on login_challenges (expires_at);
