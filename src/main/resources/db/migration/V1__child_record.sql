-- The child record: identity, legal status, allocations and the decisions made about the child.
create sequence child_reference_seq start with 1;

create table child (
    id             bigserial primary key,
    reference      varchar(16)  not null unique,
    given_name     varchar(100) not null,
    family_name    varchar(100) not null,
    date_of_birth  date,
    gender         varchar(20)  not null,
    ethnicity      varchar(100),
    legal_status   varchar(40)  not null,
    created_at     timestamptz  not null
);
create index child_name_dob on child (lower(family_name), lower(given_name), date_of_birth);

create table allocation (
    id              bigserial primary key,
    child_id        bigint       not null references child (id),
    worker          varchar(64)  not null,
    worker_name     varchar(200) not null,
    team            varchar(100),
    allocated_from  timestamptz  not null,
    allocated_to    timestamptz,
    allocated_by    varchar(64),
    reason          varchar(2000)
);
create index allocation_child on allocation (child_id);
create index allocation_worker_open on allocation (worker) where allocated_to is null;

create table child_decision (
    id                   bigserial primary key,
    child_id             bigint        not null references child (id),
    decision             varchar(200)  not null,
    outcome              varchar(200)  not null,
    rationale            text          not null,
    decided_by           varchar(64),
    decided_at           timestamptz   not null,
    process_instance_id  varchar(64),
    task_id              varchar(64)
);
create index child_decision_child on child_decision (child_id);
