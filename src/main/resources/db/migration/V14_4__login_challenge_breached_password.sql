-- A two-factor login carries "the password is on the breached list" from the password step to the code step.
alter table login_challenges add column password_breached boolean not null default false;
