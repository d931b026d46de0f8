-- Spring Modulith's event publication registry: a fact published by one module stays here until each
-- listener that must handle it has done so, so a failing listener loses nothing (resubmitted on restart
-- and by IncompleteEventsRetry). The tables Spring Modulith's JPA entities map.
create table event_publication (
    id               uuid         primary key,
    listener_id      text         not null,
    event_type       text         not null,
    serialized_event text         not null,
    publication_date timestamptz  not null,
    completion_date  timestamptz
);
create index event_publication_incomplete on event_publication (publication_date) where completion_date is null;

-- Only used in the archive completion mode; Hibernate validates the mapping of both.
create table event_publication_archive (
    id               uuid         primary key,
    listener_id      text         not null,
    event_type       text         not null,
    serialized_event text         not null,
    publication_date timestamptz  not null,
    completion_date  timestamptz
);
