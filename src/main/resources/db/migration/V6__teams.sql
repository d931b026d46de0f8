-- Allocations name the team by its group id (the scope of the child's work) and keep its name as it was.
alter table allocation add column team_name varchar(200);
update allocation set team_name = team;
