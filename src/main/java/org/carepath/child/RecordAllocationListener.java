package org.carepath.child;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.carepath.engine.TaskInput;
import org.carepath.identity.Groups;
import org.carepath.identity.Viewer;
import org.springframework.stereotype.Component;

/**
 * Allocates the worker chosen in an allocation task ({@code allocatedWorker}) to the child, ending the
 * previous allocation. The team is the worker's team group in the identity service, if they have one:
 * the child's work is then offered to that team. The worker's role ({@code allocatedWorkerGroup}, a social
 * worker or a team manager) is the candidate group of the work assigned to them, so it is also offered to
 * that role in the child's team.
 */
@Component("recordAllocation")
class RecordAllocationListener implements TaskListener {

    static final String TEAM_GROUP_TYPE = "team";
    /** The roles a worker may be allocated in, in the order their role is chosen if they hold several. */
    static final List<String> WORKER_ROLES = List.of(Groups.PRACTITIONER, Groups.TEAM_MANAGER);

    private final Children children;
    private final IdentityService identity;

    RecordAllocationListener(Children children, IdentityService identity) {
        this.children = children;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        var worker = (String) task.getVariable("allocatedWorker");
        var user = worker == null ? null : identity.createUserQuery().userId(worker).singleResult();
        if (user == null) {
            throw TaskInput.invalid("allocatedWorker", "Choose a worker to allocate: '" + worker + "' is not a known user");
        }
        var role = Viewer.of(identity, worker).firstOf(WORKER_ROLES).orElseThrow(() -> TaskInput.invalid("allocatedWorker",
                "Choose a social worker or team manager to allocate: '" + worker + "' is neither"));
        task.getExecution().setVariable("allocatedWorkerGroup", role);
        var team = identity.createGroupQuery().groupMember(worker).groupType(TEAM_GROUP_TYPE).list().stream().findFirst();
        children.allocate(task.getExecution().getProcessBusinessKey(), worker,
                user.getFirstName() + " " + user.getLastName(), team.map(group -> group.getId()).orElse(null),
                team.map(group -> group.getName()).orElse(null),
                TaskInput.doneBy(task), TaskInput.text(task, "allocationNote"));
    }
}
