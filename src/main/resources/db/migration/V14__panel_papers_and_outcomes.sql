-- The permanence panel's journey on the record: when the social worker's papers for a booking came in, when
-- the administrator confirmed the quorum and circulated a sitting's papers, and what the panel recommended
-- and the agency decision maker decided for each case heard.
alter table panel_booking add column papers_received_at timestamptz;
alter table panel_booking add column papers_received_by varchar(64);

alter table panel_sitting add column papers_circulated_at timestamptz;
alter table panel_sitting add column papers_circulated_by varchar(64);

create table panel_outcome (
    id                         bigserial primary key,
    booking_id                 bigint        not null unique references panel_booking (id),
    child_reference            varchar(16)   not null references child (reference),
    recommendation             text          not null,
    recommendation_rationale   text          not null,
    recommended_plan_type      varchar(40)   not null,
    recommended_contingency    text          not null,
    recommended_at             timestamptz   not null,
    recommended_by             varchar(64)   not null,
    agency_decision            varchar(20),
    agency_decision_rationale  text,
    decided_at                 timestamptz,
    decided_by                 varchar(64),
    check (agency_decision is null or agency_decision in ('ACCEPTED', 'NOT_ACCEPTED', 'MORE_INFORMATION'))
);
create index panel_outcome_child on panel_outcome (child_reference);

-- The actions the panel recommended for a case heard, each with an owner and a due date; tracked as tasks
-- (the looked-after module's action journey) once the agency decision is made.
create table panel_action (
    id                         bigserial primary key,
    outcome_id                 bigint        not null references panel_outcome (id),
    position                   integer       not null,
    action                     text          not null,
    owner                      varchar(64)   not null,
    due_on                     date          not null,
    unique (outcome_id, position)
);
