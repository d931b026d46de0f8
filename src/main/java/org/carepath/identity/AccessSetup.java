package org.carepath.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At startup, makes sure the groups exist with the grants their work needs, and the Tasklist filters
 * every group starts with. Idempotent: it runs on every start and adds only what is missing.
 *
 * <p>What each group may do in Camunda: open the Tasklist, read process definitions (to show forms),
 * read users and groups (to show who has a task), and read the shared filters. Tasks themselves are
 * granted by the engine to their assignee and candidate groups, with {@code TASK_WORK} only (claim and
 * complete, not reassign or edit). Nobody but administrators may start, modify or delete process
 * instances through the engine's REST API: journeys start through CarePath's own API.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100) // before the other start-up runners: the demo seed signs in as the demo users made here
class AccessSetup implements ApplicationRunner {

    static final String ESCALATION_PROCESS = "drift-escalation";
    static final String DEADLINE_CLOCK_PROCESS = "statutory-deadline";

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final IdentityProperties properties;
    private final SafeDefaults safety;

    AccessSetup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
                TaskService tasks, IdentityProperties properties, SafeDefaults safety) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.properties = properties;
        this.safety = safety;
    }

    @Override
    public void run(ApplicationArguments args) {
        createGroups();
        grantAdministrators();
        // Cockpit for the service managers, whose scope is the whole service: every instance, read only
        grant(Groups.SERVICE_MANAGER, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(Groups.SERVICE_MANAGER, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ_INSTANCE);
        grant(Groups.SERVICE_MANAGER, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ_HISTORY);
        grant(Groups.SERVICE_MANAGER, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
        for (var group : Groups.ALL) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
            grant(group, Resources.USER, "*", Permissions.READ);
            grant(group, Resources.GROUP, "*", Permissions.READ);
        }
        createFilters();
        if (properties.demoUsers()) {
            DemoUsers.create(identity);
        } else if (!safety.local()) {
            refuseDefaultPasswords();
        }
    }

    /** A database that a local run filled with demo users must not go live with their known password. */
    private void refuseDefaultPasswords() {
        var open = DemoUsers.USERS.stream().map(DemoUsers.DemoUser::username)
                .filter(user -> identity.createUserQuery().userId(user).count() > 0 && identity.checkPassword(user, DemoUsers.PASSWORD))
                .toList();
        if (!open.isEmpty()) {
            throw new IllegalStateException("Users with the demo password exist outside the local profile: " + open
                    + ". Change their passwords or remove them (Camunda Admin).");
        }
    }

    private void createGroups() {
        for (var id : Groups.ALL) {
            if (identity.createGroupQuery().groupId(id).count() == 0) {
                var group = identity.newGroup(id);
                group.setName(Groups.describe(id));
                group.setType("WORKFLOW");
                identity.saveGroup(group);
            }
        }
        properties.teams().forEach((id, name) -> {
            createGroup(id, name, Teams.FRONT_DOOR.equals(id) ? Teams.FRONT_DOOR_TYPE : Teams.TEAM_TYPE);
            for (var role : Teams.TEAM_SCOPED_ROLES) {
                createGroup(Teams.roleInTeam(id, role), name + ": " + Groups.describe(role).toLowerCase(), Teams.TEAM_ROLE_TYPE);
            }
        });
        if (identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
            var group = identity.newGroup(Groups.CAMUNDA_ADMIN);
            group.setName("Camunda administrators");
            group.setType("SYSTEM");
            identity.saveGroup(group);
        }
    }

    private void createGroup(String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            var group = identity.newGroup(id);
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
        }
    }

    private void grantAdministrators() {
        for (var resource : Resources.values()) {
            grant(Groups.CAMUNDA_ADMIN, resource, "*", Permissions.ALL);
        }
    }

    private void createFilters() {
        var mine = "${currentUser()}";
        var myGroups = "${currentUserGroups()}";
        var definitions = new LinkedHashMap<String, FilterDefinition>();
        // first, so each person lands on their work: what they hold and what waits for their team to pick up
        definitions.put("My work", new FilterDefinition(-20, "#00703c", "My tasks and the tasks waiting for someone in my teams to pick up",
                tasks.createTaskQuery().or().taskAssigneeExpression(mine).taskCandidateGroupInExpression(myGroups).endOr()));
        // what the manager view's child links open: every open task of my teams, whoever holds it
        definitions.put("My teams' work", new FilterDefinition(-15, "#505a5f", "Every open task of my teams, whoever holds it",
                mineOrMyGroups(tasks.createTaskQuery(), mine, myGroups)));
        definitions.put("My tasks", new FilterDefinition(-10, "#2e7d32", "Tasks assigned to me",
                tasks.createTaskQuery().taskAssigneeExpression(mine)));
        definitions.put("My groups' tasks", new FilterDefinition(-5, "#1565c0", "Tasks waiting for someone in my groups to pick up",
                tasks.createTaskQuery().taskCandidateGroupInExpression(myGroups)));
        definitions.put("Overdue", new FilterDefinition(0, "#c62828", "My tasks and my groups' tasks past their statutory due date",
                mineOrMyGroups(tasks.createTaskQuery().dueBeforeExpression("${now()}"), mine, myGroups)));
        definitions.put("Due this week", new FilterDefinition(5, "#ef6c00", "My tasks and my groups' tasks due in the next 7 days",
                mineOrMyGroups(tasks.createTaskQuery().dueBeforeExpression("${dateTime().plusWeeks(1).toDate()}"), mine, myGroups)));
        definitions.put("Reminders", new FilterDefinition(8, "#f9a825", "Reminders that a statutory deadline is near",
                mineOrMyGroups(tasks.createTaskQuery().processDefinitionKey(DEADLINE_CLOCK_PROCESS), mine, myGroups)));
        definitions.put("Escalations", new FilterDefinition(10, "#6a1b9a", "Drift escalations: statutory deadlines missed",
                mineOrMyGroups(tasks.createTaskQuery().processDefinitionKey(ESCALATION_PROCESS), mine, myGroups)));

        definitions.forEach((name, definition) -> {
            var existing = filters.createFilterQuery().filterName(name).singleResult();
            var filter = existing != null ? existing : filters.newTaskFilter(name);
            filter.setQuery(definition.query());
            filter.setProperties(Map.of(
                    "priority", definition.priority(),
                    "color", definition.color(),
                    "description", definition.description(),
                    "refresh", true,
                    "variables", List.of(Map.of("name", "childRef", "label", "Child"))));
            filters.saveFilter(filter);
            for (var group : Groups.ALL) {
                grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
            }
        });
    }

    private static TaskQuery mineOrMyGroups(TaskQuery query, String mine, String myGroups) {
        return query.or().taskAssigneeExpression(mine).taskCandidateGroupInExpression(myGroups).includeAssignedTasks().endOr();
    }

    private void grant(String group, Resource resource, String resourceId, Permission permission) {
        var existing = authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(group)
                .resourceType(resource).resourceId(resourceId).singleResult();
        if (existing != null && existing.isPermissionGranted(permission)) {
            return;
        }
        var authorization = existing != null ? existing : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(group);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        authorization.addPermission(permission);
        authorizations.saveAuthorization(authorization);
    }

    private record FilterDefinition(int priority, String color, String description, TaskQuery query) {
    }
}
