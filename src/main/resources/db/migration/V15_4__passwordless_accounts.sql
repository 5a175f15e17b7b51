-- Accounts created with a passkey alone have no password until their owner sets one (by a change or a reset).
alter table users alter column password_hash drop not null;
