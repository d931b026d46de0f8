package org.carepath.child;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.carepath.engine.TaskInput;
import org.springframework.stereotype.Component;

/**
 * Allocates the worker chosen in an allocation task ({@code allocatedWorker}) to the child, ending the
 * previous allocation. The team is the worker's team group in the identity service, if they have one:
 * the child's work is then offered to that team.
 */
@Component("recordAllocation")
class RecordAllocationListener implements TaskListener {

    static final String TEAM_GROUP_TYPE = "team";

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
        var team = identity.createGroupQuery().groupMember(worker).groupType(TEAM_GROUP_TYPE).list().stream().findFirst();
        var authentication = identity.getCurrentAuthentication();
        var note = task.getVariable("allocationNote");
        children.allocate(task.getExecution().getProcessBusinessKey(), worker,
                user.getFirstName() + " " + user.getLastName(), team.map(group -> group.getId()).orElse(null),
                team.map(group -> group.getName()).orElse(null),
                authentication != null ? authentication.getUserId() : task.getAssignee(),
                note == null ? null : note.toString());
    }
}
