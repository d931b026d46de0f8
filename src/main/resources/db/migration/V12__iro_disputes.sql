-- IRO dispute resolution (processes/iro-dispute-resolution.bpmn): a concern the child's IRO raises about the
-- care plan, climbing team manager, service manager, head of service and director, each stage's response kept.
create table iro_dispute (
    id                    bigserial primary key,
    child_reference       varchar(16)   not null references child (reference),
    process_instance_id   varchar(64),
    concern               text          not null,
    raised_by             varchar(64)   not null,
    raised_at             timestamptz   not null,
    raised_on             date          not null,
    current_stage         varchar(20)   not null,
    status                varchar(30)   not null,
    resolved_on           date,
    referred_to_cafcass_on date,
    closed_on             date,
    closed_reason         text
);
create index iro_dispute_child on iro_dispute (child_reference);

create table iro_dispute_response (
    id                    bigserial primary key,
    dispute_id            bigint        not null references iro_dispute (id),
    stage                 varchar(20)   not null,
    responded_by          varchar(64)   not null,
    responded_at          timestamptz   not null,
    position              varchar(20)   not null,
    action                text          not null,
    action_by             date          not null,
    rationale             text          not null,
    considered_by         varchar(64),
    considered_at         timestamptz,
    iro_outcome           varchar(20),
    iro_rationale         text
);
create index iro_dispute_response_dispute on iro_dispute_response (dispute_id);
