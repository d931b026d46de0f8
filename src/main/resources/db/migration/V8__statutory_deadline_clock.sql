-- Each open deadline runs its own clock: a statutory-deadline process instance (warning, reminder, escalation).
alter table deadline add column clock_process_instance_id varchar(64);
