-- The application's role (spring.flyway.placeholders.appRole, by default carepath_app) reads and writes rows but owns
-- nothing: it cannot drop the audit trail's triggers, and of the audit trail it may only add and read rows. Run as the
-- schema's owner. Without such a role (one user for everything) there is nothing to grant.
do $$
begin
    if exists (select from pg_roles where rolname = '${appRole}') and '${appRole}' <> current_user then
        execute format('grant select, insert, update, delete on all tables in schema public to %I', '${appRole}');
        execute format('grant usage, select on all sequences in schema public to %I', '${appRole}');
        execute format('alter default privileges in schema public grant select, insert, update, delete on tables to %I', '${appRole}');
        execute format('alter default privileges in schema public grant usage, select on sequences to %I', '${appRole}');
        execute format('revoke update, delete, truncate, references, trigger on audit_event from %I', '${appRole}');
    end if;
end
$$;
