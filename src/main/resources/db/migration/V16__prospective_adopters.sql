-- Adoption: prospective adopters as records (the household, the approval behind them and what it covers, their
-- agency) with their status over time, and the children each household is linked with or matched to.
create table prospective_adopter (
    id                        bigserial primary key,
    household_name            varchar(200)  not null,
    agency_type               varchar(40)   not null,
    agency_name               varchar(200)  not null,
    approved_on               date          not null,
    approval_decided_by       varchar(500)  not null,
    approved_children_max     integer       not null check (approved_children_max between 1 and 6),
    approved_age_from         integer       not null check (approved_age_from between 0 and 17),
    approved_age_to           integer       not null check (approved_age_to between 0 and 17),
    sibling_groups            boolean       not null,
    needs_they_can_meet       text          not null,
    status                    varchar(20)   not null,
    created_at                timestamptz   not null,
    created_by                varchar(64)   not null,
    check (approved_age_to >= approved_age_from)
);

create table prospective_adopter_member (
    id                        bigserial primary key,
    adopter_id                bigint        not null references prospective_adopter (id),
    name                      varchar(200)  not null,
    relationship              varchar(100)  not null,
    date_of_birth             date
);
create index prospective_adopter_member_adopter on prospective_adopter_member (adopter_id);

create table prospective_adopter_status (
    id                        bigserial primary key,
    adopter_id                bigint        not null references prospective_adopter (id),
    status                    varchar(20)   not null,
    changed_on                date          not null,
    reason                    text          not null,
    changed_at                timestamptz   not null,
    changed_by                varchar(64)   not null
);
create index prospective_adopter_status_adopter on prospective_adopter_status (adopter_id);

-- A household linked with (and later matched to) children: one link per child; a household is matched at most
-- once at a time, and a child is linked with at most one household while the link is open.
create table adopter_link (
    id                        bigserial primary key,
    adopter_id                bigint        not null references prospective_adopter (id),
    child_reference           varchar(16)   not null references child (reference),
    status                    varchar(20)   not null,
    linked_on                 date          not null,
    ended_on                  date,
    ended_reason              text,
    created_at                timestamptz   not null,
    created_by                varchar(64)   not null
);
create unique index adopter_link_child_open on adopter_link (child_reference) where ended_on is null;
create index adopter_link_adopter on adopter_link (adopter_id);

-- A child's road to adoption: the dates the adoption scorecard is computed from, and the journey that follows it.
create table adoption_case (
    id                        bigserial primary key,
    child_reference           varchar(16)   not null references child (reference),
    entered_care_on           date          not null,
    should_be_placed_on       date          not null,
    placement_order_on        date,
    register_referred_on      date,
    adopter_id                bigint        references prospective_adopter (id),
    matched_on                date,
    moved_in_on               date,
    early_permanence_on       date,
    process_instance_id       varchar(64),
    opened_at                 timestamptz   not null,
    closed_on                 date,
    closed_reason             text
);
create unique index adoption_case_one_open on adoption_case (child_reference) where closed_on is null;

-- Early permanence: the child placed with approved adopters as their foster carers (fostering for adoption, or
-- concurrent planning) before the match. When those carers become the child's adopters, its start stops A10.
create table early_permanence_placement (
    id                        bigserial primary key,
    child_reference           varchar(16)   not null references child (reference),
    adopter_id                bigint        not null references prospective_adopter (id),
    kind                      varchar(30)   not null,
    started_on                date          not null,
    recorded_at               timestamptz   not null,
    recorded_by               varchar(64)   not null
);
create index early_permanence_placement_child on early_permanence_placement (child_reference);
