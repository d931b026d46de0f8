-- Care proceedings: the legal planning, pre-proceedings and court record of each case, and revocation applications.
create table care_proceedings (
    id                          bigserial primary key,
    child_reference             varchar(16)   not null references child (reference),
    process_instance_id         varchar(64),
    status                      varchar(30)   not null,
    requested_at                timestamptz   not null,
    requested_by                varchar(64),
    reason                      text          not null,
    legal_planning_meeting_on   date,
    threshold_met               boolean,
    legal_decision              varchar(40),
    letter_sent_on              date,
    pre_proceedings_meeting_on  date,
    issued_on                   date,
    court                       varchar(200),
    case_number                 varchar(100),
    original_deadline           date,
    current_deadline            date,
    concluded_on                date,
    final_order                 varchar(40),
    duration_days               integer
);
create index care_proceedings_child on care_proceedings (child_reference);
create index care_proceedings_live on care_proceedings (status) where concluded_on is null;

create table hearing (
    id                  bigserial primary key,
    proceedings_id      bigint        not null references care_proceedings (id),
    type                varchar(40)   not null,
    held_on             date          not null,
    outcome             text          not null,
    next_hearing_on     date,
    next_hearing_type   varchar(40),
    recorded_by         varchar(64),
    recorded_at         timestamptz   not null
);
create index hearing_proceedings on hearing (proceedings_id);

create table court_order (
    id                  bigserial primary key,
    proceedings_id      bigint        references care_proceedings (id),
    hearing_id          bigint        references hearing (id),
    child_reference     varchar(16)   not null references child (reference),
    type                varchar(40)   not null,
    made_on             date          not null,
    recorded_at         timestamptz   not null
);
create index court_order_child on court_order (child_reference);

create table court_direction (
    id                   bigserial primary key,
    proceedings_id       bigint        not null references care_proceedings (id),
    hearing_id           bigint        references hearing (id),
    direction            text          not null,
    owner                varchar(64)   not null,
    given_on             date          not null,
    due_on               date          not null,
    status               varchar(20)   not null,
    complied_on          date,
    compliance_note      text,
    process_instance_id  varchar(64)
);
create index court_direction_proceedings on court_direction (proceedings_id);

create table proceedings_extension (
    id                  bigserial primary key,
    proceedings_id      bigint        not null references care_proceedings (id),
    weeks               integer       not null,
    reason              text          not null,
    granted_on          date          not null,
    previous_deadline   date          not null,
    new_deadline        date          not null,
    recorded_by         varchar(64),
    recorded_at         timestamptz   not null
);
create index proceedings_extension_proceedings on proceedings_extension (proceedings_id);

create table revocation (
    id                    bigserial primary key,
    child_reference       varchar(16)   not null references child (reference),
    process_instance_id   varchar(64),
    status                varchar(30)   not null,
    considered_at         timestamptz   not null,
    requested_by          varchar(64),
    reason                text          not null,
    applied_on            date,
    hearing_on            date,
    outcome               varchar(30)
);
create index revocation_child on revocation (child_reference);
