-- Extensions of statutory deadlines (e.g. of the 26 weeks of care proceedings), and the child's legal status over time.
alter table deadline add column original_due_date date;
update deadline set original_due_date = due_date;
alter table deadline alter column original_due_date set not null;

create table deadline_extension (
    id                 bigserial primary key,
    deadline_id        bigint        not null references deadline (id),
    amount             integer       not null,
    unit               varchar(20)   not null,
    reason             text          not null,
    granted_on         date          not null,
    previous_due_date  date          not null,
    new_due_date       date          not null,
    recorded_by        varchar(64),
    recorded_at        timestamptz   not null
);
create index deadline_extension_deadline on deadline_extension (deadline_id);

create table legal_status_change (
    id            bigserial primary key,
    child_id      bigint        not null references child (id),
    legal_status  varchar(40)   not null,
    effective_on  date          not null,
    reason        varchar(500)  not null,
    recorded_at   timestamptz   not null
);
create index legal_status_change_child on legal_status_change (child_id);
