-- Who saw or changed which child's record, when, and through which interface. Append-only: the database
-- refuses every update, delete and truncate, whoever asks (the application included).
create table audit_event (
    id               bigserial primary key,
    occurred_at      timestamptz   not null,
    username         varchar(64),
    child_reference  varchar(16),
    action           varchar(10)   not null,
    subject          varchar(300)  not null,
    interface        varchar(20)   not null,
    detail           text
);
create index audit_event_child on audit_event (child_reference, occurred_at);
create index audit_event_user on audit_event (username, occurred_at);

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only: % is refused', tg_op;
end
$$;
create trigger audit_event_no_update_or_delete before update or delete on audit_event
    for each row execute function audit_event_is_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_is_append_only();
