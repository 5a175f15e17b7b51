-- Email preferences for notifications (notifications module). Only a user's departures from the defaults are stored
-- (the defaults live in the code, NotificationType), so a changed default reaches everyone who never chose.
create table notification_settings (
    user_id bigint      not null,
    type    varchar(20) not null,
    email   varchar(10) not null,
    primary key (user_id, type)
);

-- One row per user and day a digest was sent: the primary key is what lets only one node send it.
create table notification_digests (
    user_id bigint not null,
    sent_on date   not null,
    sent_at timestamp with time zone not null,
    primary key (user_id, sent_on)
);

-- One-click unsubscribe links used (RFC 8058): a replayed link changes nothing.
create table notification_unsubscribes (
    link_id varchar(32) not null primary key,
    user_id bigint      not null,
    used_at timestamp with time zone not null
);

create index notification_unsubscribes_by_user on notification_unsubscribes (user_id);

-- Extra header lines of an email ("Name: value", one a line), e.g. List-Unsubscribe; null for none.
alter table email_outbox add column headers varchar(2000);
