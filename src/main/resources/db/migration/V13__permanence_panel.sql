-- Permanence panel administration: the central list of people who may sit on a panel, the sittings with the
-- members invited and who attended, and the children booked onto each sitting (the agenda), with deferrals.
create table panel_member (
    id                    bigserial primary key,
    name                  varchar(200)  not null,
    role                  varchar(30)   not null,
    qualified_on          date,
    appointed_on          date          not null,
    appointment_ends_on   date          not null,
    created_at            timestamptz   not null,
    created_by            varchar(64)   not null,
    check (appointment_ends_on >= appointed_on)
);

create table panel_member_panel_type (
    member_id             bigint        not null references panel_member (id),
    panel_type            varchar(20)   not null,
    primary key (member_id, panel_type)
);

create table panel_sitting (
    id                    bigserial primary key,
    panel_type            varchar(20)   not null,
    starts_at             timestamptz   not null,
    sitting_date          date          not null,
    sitting_time          time          not null,
    place                 varchar(500),
    online_link           varchar(500),
    capacity              integer       not null check (capacity > 0),
    status                varchar(20)   not null,
    cancelled_reason      text,
    rescheduled_from      date,
    rescheduled_reason    text,
    created_at            timestamptz   not null,
    created_by            varchar(64)   not null,
    check (place is not null or online_link is not null)
);
create index panel_sitting_type_date on panel_sitting (panel_type, sitting_date);

create table panel_invitation (
    id                    bigserial primary key,
    sitting_id            bigint        not null references panel_sitting (id),
    member_id             bigint        not null references panel_member (id),
    attended              boolean,
    unique (sitting_id, member_id)
);

-- A booking takes a place on the agenda while BOOKED; DEFERRED when moved to a later sitting.
-- Capacity is enforced under a row lock on the sitting (select ... for update) before a place is taken.
create table panel_booking (
    id                    bigserial primary key,
    sitting_id            bigint        not null references panel_sitting (id),
    child_reference       varchar(16)   not null references child (reference),
    reason                text          not null,
    agenda_order          integer       not null,
    case_time             time          not null,
    status                varchar(20)   not null,
    deferred_from         bigint        references panel_booking (id),
    deferred_reason       text,
    booked_at             timestamptz   not null,
    booked_by             varchar(64)   not null
);
create unique index panel_booking_child_once on panel_booking (sitting_id, child_reference) where status = 'BOOKED';
create index panel_booking_child on panel_booking (child_reference);
create index panel_booking_sitting on panel_booking (sitting_id);
