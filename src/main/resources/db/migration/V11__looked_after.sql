-- Children looked after: each period in care with its placements, care plan, reviews, permanence planning
-- meetings, statutory visits, permanence plan (every version kept) and the actions decided along the way.
create table period_in_care (
    id                          bigserial primary key,
    child_reference             varchar(16)   not null references child (reference),
    started_on                  date          not null,
    legal_basis                 varchar(40)   not null,
    current_legal_basis         varchar(40)   not null,
    consent_given_by            varchar(200),
    consent_given_on            date,
    ended_on                    date,
    reason_for_leaving          varchar(40),
    leaving_detail              text,
    iro                         varchar(64),
    care_plan_prepared_on       date,
    care_plan_summary           text,
    health_assessment_on        date,
    health_assessment_note      text,
    personal_education_plan_on  date,
    personal_education_plan_note text,
    life_story_work_started_on  date,
    life_story_work_note        text,
    process_instance_id         varchar(64),
    recorded_by                 varchar(64),
    recorded_at                 timestamptz   not null,
    constraint period_in_care_dates check (ended_on is null or ended_on >= started_on)
);
create index period_in_care_child on period_in_care (child_reference);
-- A child has at most one period in care open at a time: two requests at once cannot both open one.
create unique index period_in_care_one_open on period_in_care (child_reference) where ended_on is null;

create table placement (
    id                  bigserial primary key,
    period_id           bigint        not null references period_in_care (id),
    type                varchar(40)   not null,
    provider            varchar(200)  not null,
    postcode            varchar(8)    not null,
    long_term           boolean       not null,
    temporary_approval  boolean       not null,
    started_on          date          not null,
    ended_on            date,
    reason_for_move     text,
    assessed_on         date,
    assessment          text,
    recorded_by         varchar(64),
    recorded_at         timestamptz   not null,
    constraint placement_dates check (ended_on is null or ended_on >= started_on)
);
create index placement_period on placement (period_id);
create unique index placement_one_current on placement (period_id) where ended_on is null;

create table looked_after_review (
    id                          bigserial primary key,
    period_id                   bigint        not null references period_in_care (id),
    number                      integer       not null,
    held_on                     date          not null,
    chaired_by                  varchar(64),
    attended_by                 text          not null,
    child_views                 text          not null,
    child_views_gathered        varchar(40)   not null,
    care_plan_status            varchar(40)   not null,
    permanence_plan_in_place    boolean       not null,
    summary                     text,
    recorded_at                 timestamptz   not null
);
create index looked_after_review_period on looked_after_review (period_id);

create table permanence_planning_meeting (
    id              bigserial primary key,
    period_id       bigint        not null references period_in_care (id),
    held_on         date          not null,
    attended_by     text          not null,
    discussion      text          not null,
    recorded_by     varchar(64),
    recorded_at     timestamptz   not null
);
create index permanence_planning_meeting_period on permanence_planning_meeting (period_id);

create table statutory_visit (
    id                      bigserial primary key,
    period_id               bigint        not null references period_in_care (id),
    placement_id            bigint        not null references placement (id),
    visited_on              date          not null,
    seen_alone              boolean       not null,
    not_seen_alone_reason   text,
    note                    text          not null,
    visited_by              varchar(64),
    recorded_at             timestamptz   not null
);
create index statutory_visit_period on statutory_visit (period_id);

create table permanence_plan (
    id                  bigserial primary key,
    period_id           bigint        not null references period_in_care (id),
    type                varchar(40)   not null,
    contingency         text          not null,
    ratified_on         date          not null,
    ratified_by         varchar(40)   not null,
    ratified_reference  varchar(200),
    recorded_by         varchar(64),
    recorded_at         timestamptz   not null
);
create index permanence_plan_period on permanence_plan (period_id);

create table looked_after_action (
    id                  bigserial primary key,
    period_id           bigint        not null references period_in_care (id),
    decided_at          varchar(40)   not null,
    decided_on          date          not null,
    action              text          not null,
    owner               varchar(64)   not null,
    due_on              date          not null,
    done_on             date,
    note                text,
    process_instance_id varchar(64),
    recorded_at         timestamptz   not null
);
create index looked_after_action_period on looked_after_action (period_id);
