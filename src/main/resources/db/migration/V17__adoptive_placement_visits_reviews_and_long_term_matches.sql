-- Visits to a child placed for adoption (within a week of the move, then weekly until the first review) and the
-- adoption reviews (4 weeks, 3 months later, then every 6 months until the order): Adoption Agencies Regulations
-- 2005, reg 36. The record keeps what was seen and decided, not only that a task was done.
create table adoptive_placement_visit (
    id                        bigserial primary key,
    adoption_case_id          bigint        not null references adoption_case (id),
    child_reference           varchar(16)   not null references child (reference),
    visited_on                date          not null,
    child_seen_alone          boolean       not null,
    childs_views              text          not null,
    how_the_placement_is_going text         not null,
    recorded_by               varchar(64)   not null,
    recorded_at               timestamptz   not null
);
create index adoptive_placement_visit_child on adoptive_placement_visit (child_reference, visited_on);

create table adoption_review (
    id                        bigserial primary key,
    adoption_case_id          bigint        not null references adoption_case (id),
    child_reference           varchar(16)   not null references child (reference),
    held_on                   date          not null,
    placement_meets_needs     varchar(10)   not null,
    childs_views              text          not null,
    support_needed            text,
    decisions                 text          not null,
    recorded_by               varchar(64)   not null,
    recorded_at               timestamptz   not null
);
create index adoption_review_child on adoption_review (child_reference, held_on);

-- The day of the adoption order (the scorecard's cohort is the children adopted in a period), and a change of plan
-- away from adoption with its reasons.
alter table adoption_case add column adopted_on date;
alter table adoption_case add column change_of_plan_proposed_on date;
alter table adoption_case add column change_of_plan_reason text;

-- A child whose permanence plan is long-term fostering, matched with their carers through the fostering panel and
-- the agency decision.
create table long_term_fostering_match (
    id                        bigserial primary key,
    child_reference           varchar(16)   not null references child (reference),
    plan_ratified_on          date          not null,
    process_instance_id       varchar(64),
    carers                    varchar(200),
    proposed_on               date,
    matched_on                date,
    decision                  text,
    opened_at                 timestamptz   not null,
    closed_on                 date
);
create unique index long_term_fostering_match_one_open on long_term_fostering_match (child_reference) where closed_on is null;
