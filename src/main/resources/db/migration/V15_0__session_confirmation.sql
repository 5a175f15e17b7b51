-- When the session's user last proved who they are (signed in, or re-confirmed with a password or a passkey):
-- sensitive changes need that to be recent.
alter table sessions add column confirmed_at timestamp with time zone;
update sessions set confirmed_at = created_at;
alter table sessions alter column confirmed_at set not null;
