-- Care leavers: a young person eligible for leaving-care support (eligibility computed from the periods in care),
-- their pathway plan's versions with goals per domain, their personal adviser's contacts, and their circumstances
-- from a day on (what the authority's figures are counted from).
create table care_leaver (
    id                        bigserial primary key,
    child_reference           varchar(64)   not null unique,
    date_of_birth             date          not null,
    eligible_on               date          not null,
    personal_adviser          varchar(64),
    personal_adviser_from     date,
    staying_put_decision      varchar(40),
    staying_put_decided_on    date,
    staying_close_decision    varchar(40),
    staying_close_decided_on  date,
    staying_put_ended_on      date,
    declined_on               date,
    right_to_return           text,
    returned_on               date,
    closed_on                 date,
    closure_reason            varchar(200),
    process_instance_id       varchar(64),
    recorded_at               timestamptz   not null
);

create table pathway_plan (
    id                        bigserial primary key,
    care_leaver_id            bigint        not null references care_leaver (id),
    number                    integer       not null check (number >= 0),
    on_request                boolean       not null,
    recorded_on               date          not null,
    young_person_views        text          not null,
    contingency               text          not null,
    changes_since_last_review text,
    recorded_by               varchar(64)   not null,
    recorded_at               timestamptz   not null,
    unique (care_leaver_id, number)
);

create table plan_goal (
    id                        bigserial primary key,
    plan_id                   bigint        not null references pathway_plan (id),
    domain                    varchar(40)   not null,
    goal                      text          not null,
    action                    text,
    action_owner              varchar(200),
    action_due_on             date,
    action_done_on            date,
    action_note               text,
    process_instance_id       varchar(64)
);
create index plan_goal_plan on plan_goal (plan_id);

create table adviser_contact (
    id                        bigserial primary key,
    care_leaver_id            bigint        not null references care_leaver (id),
    contacted_on              date          not null,
    method                    varchar(20)   not null,
    after_move                boolean       not null,
    note                      text          not null,
    recorded_by               varchar(64)   not null,
    recorded_at               timestamptz   not null
);
create index adviser_contact_care_leaver on adviser_contact (care_leaver_id, contacted_on);

create table circumstances (
    id                        bigserial primary key,
    care_leaver_id            bigint        not null references care_leaver (id),
    recorded_on               date          not null,
    accommodation_type        varchar(40)   not null,
    accommodation_suitable    boolean       not null,
    provided_by_authority     boolean       not null,
    activity                  varchar(60)   not null,
    staying_put               boolean       not null,
    staying_close             boolean       not null,
    in_custody                boolean       not null,
    parent                    boolean       not null,
    recorded_by               varchar(64),
    recorded_at               timestamptz   not null
);
create index circumstances_care_leaver on circumstances (care_leaver_id, recorded_on);
