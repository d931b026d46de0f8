-- Statutory deadlines being tracked, and the drift alerts raised when one is missed.
create table deadline (
    id                       bigserial primary key,
    child_reference          varchar(16)   not null,
    process_instance_id      varchar(64)   not null,
    process_definition_key   varchar(255)  not null,
    activity_id              varchar(255)  not null,
    activity_instance_id     varchar(255)  not null unique,
    work                     varchar(255)  not null,
    timescale_key            varchar(64)   not null,
    trigger_date             date          not null,
    warning_date             date          not null,
    due_date                 date          not null,
    opened_at                timestamptz   not null,
    reminded_at              timestamptz,
    reminder_acknowledged_at timestamptz,
    reminder_acknowledged_by varchar(64),
    reminder_note            text,
    breached_at              timestamptz,
    closed_at                timestamptz,
    outcome                  varchar(20),
    working_days_late        integer
);
create index deadline_child_open on deadline (child_reference) where closed_at is null;
create index deadline_open_due on deadline (due_date) where closed_at is null;

create table drift_alert (
    id                       bigserial primary key,
    deadline_id              bigint        not null unique references deadline (id),
    child_reference          varchar(16)   not null,
    process_instance_id      varchar(64)   not null,
    process_definition_key   varchar(255)  not null,
    work                     varchar(255)  not null,
    waiting_at               varchar(1000),
    timescale_key            varchar(64)   not null,
    trigger_date             date          not null,
    due_date                 date          not null,
    raised_at                timestamptz   not null,
    escalation_level         integer       not null,
    escalated_at             timestamptz,
    resolved_at              timestamptz,
    resolution               varchar(20),
    working_days_late        integer
);
create index drift_alert_child on drift_alert (child_reference);
create index drift_alert_open on drift_alert (raised_at) where resolved_at is null;

create table drift_alert_action (
    id                  bigserial primary key,
    alert_id            bigint        not null references drift_alert (id),
    escalation_level    integer       not null,
    acted_by            varchar(64),
    action              text          not null,
    action_owner        varchar(200)  not null,
    action_due_date     date          not null,
    rationale           text          not null,
    recorded_at         timestamptz   not null
);
create index drift_alert_action_alert on drift_alert_action (alert_id);
