-- Spring Modulith's event publication registry (schema v2): events published in a transaction are
-- stored here with it and survive a crash until every listener has completed (transactional outbox).
create table event_publication (
    id                     uuid not null primary key,
    listener_id            varchar(512) not null,
    event_type             varchar(512) not null,
    serialized_event       varchar(10000) not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 varchar(20),
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);

create index event_publication_by_completion_date on event_publication (completion_date);
create index event_publication_by_status on event_publication (status, publication_date);
