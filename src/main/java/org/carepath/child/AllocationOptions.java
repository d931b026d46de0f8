package org.carepath.child;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.spin.plugin.variable.SpinValues;
import org.carepath.identity.Teams;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The workers a manager may allocate a child to, as the allocation form's options: only the workers of the
 * manager's own team (or teams), each with their team and open caseload beside the name ("Priya Patel —
 * North assessment team, 3 children allocated"). Offered when the task is created (for the teams of the
 * managers it is offered to) and again when a manager claims it (for that manager's teams):
 * {@code <camunda:taskListener event="create" expression="${allocationOptions.offer(task, 'practitioner')}" />},
 * also on {@code assignment}. The options are a task variable ({@code practitioners}), gone with the task.
 *
 * <p>The note the manager writes for the worker ({@code allocationNote}) reaches the worker's next task as
 * its description: {@code ${allocationOptions.noteForWorker(task)}} on that task's create event.
 */
@Component("allocationOptions")
public class AllocationOptions {

    static final String OPTIONS = "practitioners";

    private final IdentityService identity;
    private final Children children;
    private final ObjectMapper json = new ObjectMapper();

    AllocationOptions(IdentityService identity, Children children) {
        this.identity = identity;
        this.children = children;
    }

    /** Sets the task's options: the workers in {@code role} of the teams of its assignee, or of its candidate managers. */
    public void offer(DelegateTask task, String role) {
        var managers = new LinkedHashSet<String>();
        if (task.getAssignee() != null) {
            managers.add(task.getAssignee());
        } else {
            task.getCandidates().stream().filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                    .forEach(link -> {
                        if (link.getUserId() != null) {
                            managers.add(link.getUserId());
                        } else if (link.getGroupId() != null) {
                            identity.createUserQuery().memberOfGroup(link.getGroupId()).list().forEach(user -> managers.add(user.getId()));
                        }
                    });
        }
        task.setVariableLocal(OPTIONS, SpinValues.jsonValue(options(teamsOf(managers), role)).create());
    }

    /** The worker's assessment task says what the allocating manager wrote for them, if anything. */
    public void noteForWorker(DelegateTask task) {
        var note = task.getVariable("allocationNote");
        if (note == null || note.toString().isBlank()) {
            return;
        }
        var from = children.allocatedBy(task.getExecution().getProcessBusinessKey()).map(this::nameOf).orElse("your team manager");
        var description = "Note from " + from + " when allocating: " + note.toString().strip();
        task.setDescription(task.getDescription() == null || task.getDescription().isBlank()
                ? description : description + "\n\n" + task.getDescription());
    }

    private String nameOf(String userId) {
        if (userId == null) {
            return "your team manager";
        }
        var user = identity.createUserQuery().userId(userId).singleResult();
        return user == null ? userId : user.getFirstName() + " " + user.getLastName();
    }

    private Map<String, Group> teamsOf(Set<String> users) {
        var teams = new LinkedHashMap<String, Group>();
        users.forEach(user -> identity.createGroupQuery().groupMember(user).groupType(Teams.TEAM_TYPE).list()
                .forEach(team -> teams.putIfAbsent(team.getId(), team)));
        return teams;
    }

    String options(Map<String, Group> teams, String role) {
        Map<String, Long> caseloads = children.currentAllocations().stream()
                .collect(Collectors.groupingBy(CurrentAllocation::worker, Collectors.counting()));
        record Offered(User user, Group team) {
        }
        var offered = new LinkedHashMap<String, Offered>();
        teams.values().forEach(team -> identity.createUserQuery().memberOfGroup(Teams.roleInTeam(team.getId(), role)).list()
                .forEach(user -> offered.putIfAbsent(user.getId(), new Offered(user, team))));
        var array = json.createArrayNode();
        offered.values().stream()
                .sorted(Comparator.comparing((Offered o) -> o.team().getName()).thenComparing(o -> fullName(o.user())))
                .forEach(o -> {
                    long caseload = caseloads.getOrDefault(o.user().getId(), 0L);
                    array.addObject()
                            .put("label", fullName(o.user()) + " — " + o.team().getName() + ", " + caseload
                                    + (caseload == 1 ? " child" : " children") + " allocated")
                            .put("value", o.user().getId());
                });
        return array.toString();
    }

    private static String fullName(User user) {
        return user.getFirstName() + " " + user.getLastName();
    }
}
