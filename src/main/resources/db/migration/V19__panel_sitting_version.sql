-- A sitting's version: one more with each change to its arrangements (date and time, members, attendance, agenda,
-- cancellation, papers circulated), and who made the last one. A change an administrator makes on what they saw is
-- refused when someone else changed the sitting in between.
alter table panel_sitting add column version bigint not null default 0;
alter table panel_sitting add column changed_at timestamptz;
alter table panel_sitting add column changed_by varchar(64);
