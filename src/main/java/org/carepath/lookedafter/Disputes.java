package org.carepath.lookedafter;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.Variables;
import org.carepath.audit.Audit;
import org.carepath.child.Children;
import org.carepath.child.Journeys;
import org.carepath.engine.TaskInput;
import org.carepath.timescale.Timescales;
import org.carepath.web.ConflictException;
import org.carepath.web.InvalidRequestException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * IRO dispute resolution ({@code iro-dispute-resolution.bpmn}, bean {@code disputes}): a concern the child's
 * IRO raises about the care plan, at a looked-after review or at any time, climbs team manager, service
 * manager, head of service and director, each on the catalogue's clock, until the IRO records it resolved
 * or, after the director, refers it to Cafcass.
 */
@Component("disputes")
@Transactional
public class Disputes {

    static final String PROCESS = "iro-dispute-resolution";
    /** The longest concern kept: the API and the forms that raise one say so too. */
    public static final int CONCERN_MAX_LENGTH = 5000;

    /** A manager's position on the concern, as the IRO reads it in their next task. */
    private static final java.util.Map<String, String> POSITIONS = java.util.Map.of("agreed", "agrees with the concern and will act on it",
            "partly-agreed", "agrees with part of the concern", "not-agreed", "does not agree with the concern");

    private final IroDisputeRepository disputes;
    private final Children children;
    private final Journeys journeys;
    private final Timescales timescales;
    private final Audit audit;
    private final org.camunda.bpm.engine.IdentityService identity;

    Disputes(IroDisputeRepository disputes, Children children, Journeys journeys, Timescales timescales, Audit audit,
             org.camunda.bpm.engine.IdentityService identity) {
        this.identity = identity;
        this.disputes = disputes;
        this.children = children;
        this.journeys = journeys;
        this.timescales = timescales;
        this.audit = audit;
    }

    /**
     * The IRO raises a concern about the child's care plan: the dispute starts at the team manager stage, its
     * clock from now. Refused with 400 naming {@code concern} for a blank or over-long concern, 409 for a child
     * who is not looked after, 404 for a child that does not exist.
     */
    public DisputeView raise(String childReference, String concern, String raisedBy) {
        if (concern == null || concern.isBlank()) {
            throw new InvalidRequestException("concern", "Say what the concern about the child's care plan is");
        }
        if (concern.strip().length() > CONCERN_MAX_LENGTH) {
            throw new InvalidRequestException("concern", "The concern is longer than " + CONCERN_MAX_LENGTH + " characters");
        }
        var status = children.legalStatus(childReference);
        if (!status.isLookedAfter()) {
            throw new ConflictException(childReference + " is not looked after (legal status " + status
                    + "): an IRO dispute is about a looked-after child's care plan");
        }
        var now = timescales.now();
        var dispute = disputes.save(new IroDispute(childReference, concern.strip(), raisedBy, now, timescales.dateOf(now)));
        var instance = journeys.start(PROCESS, childReference, Variables.createVariables()
                .putValue("disputeId", dispute.id())
                .putValue("concern", concern.strip())
                .putValue("raisedBy", raisedBy)
                .putValue("raisedByName", nameOf(raisedBy))
                .putValue("concernRaisedAt", Date.from(now)));
        dispute.startedAs(instance.getId());
        audit.changed(childReference, "IRO dispute raised", concern.strip());
        return dispute.view();
    }

    private String nameOf(String user) {
        var person = user == null ? null : org.carepath.identity.Viewer.asTheApplication(identity,
                () -> identity.createUserQuery().userId(user).singleResult());
        return person == null || person.getFirstName() == null ? String.valueOf(user)
                : (person.getFirstName() + " " + person.getLastName()).strip();
    }

    /** The child's disputes, newest first; a child that does not exist is answered as not found (404). */
    @Transactional(readOnly = true)
    public List<DisputeView> forChild(String childReference) {
        children.require(childReference);
        return disputes.findByChildReferenceOrderByRaisedAtDescIdDesc(childReference).stream().map(IroDispute::view).toList();
    }

    /** Every open dispute, of every child, oldest first: for the IRO's page, which keeps to the viewer's scope. */
    @Transactional(readOnly = true)
    public List<DisputeView> open() {
        return disputes.findByStatusOrderByRaisedAtAscIdAsc(DisputeStatus.OPEN).stream().map(IroDispute::view).toList();
    }

    /**
     * The child is no longer looked after: their open disputes close (status {@code CLOSED_CHILD_LEFT_CARE}) and
     * their journeys end, with the stages' clocks.
     */
    public void childLeftCare(String childReference, LocalDate on, String reason) {
        for (var dispute : disputes.findByChildReferenceAndStatus(childReference, DisputeStatus.OPEN)) {
            dispute.closeAsChildLeftCare(on, reason);
            if (dispute.processInstanceId() != null) {
                journeys.end(dispute.processInstanceId(), "The child left care: " + reason);
            }
            audit.changed(childReference, "IRO dispute closed", "The child left care on " + on + ": " + reason);
        }
    }

    /** Start listener of each stage: the concern has reached this manager. */
    public void reached(DelegateExecution execution, String stage) {
        var dispute = of(execution);
        dispute.reached(DisputeStage.valueOf(stage));
        if (dispute.currentStage() != DisputeStage.TEAM_MANAGER) {
            audit.changed(dispute.childReference(), "IRO dispute escalated", "to the " + stage.toLowerCase().replace('_', ' '));
        }
    }

    /** Complete listener of a manager's response: what they will do, by when, and why, kept with the stage. */
    public void responded(DelegateTask task) {
        var position = TaskInput.text(task, "managerPosition");
        if (position == null || !POSITIONS.containsKey(position)) {
            throw TaskInput.invalid("managerPosition", "Say whether you agree with the concern (managerPosition: "
                    + String.join(", ", new java.util.TreeSet<>(POSITIONS.keySet())) + ")");
        }
        var action = TaskInput.requiredText(task, "managerAction");
        var by = TaskInput.required(task, "managerActionBy", timescales::dateOf, "a date");
        var rationale = TaskInput.requiredText(task, "managerRationale");
        var dispute = of(task.getExecution());
        dispute.responded(TaskInput.doneBy(task), timescales.now(), position, action, by, rationale);
        // what the IRO's next form shows, in words
        task.getExecution().setVariable("managerResponse", nameOf(TaskInput.doneBy(task)) + " " + POSITIONS.get(position));
        task.getExecution().setVariable("managerActionByText", Timescales.DAY_IN_WORDS.format(by));
        audit.changed(dispute.childReference(), "IRO dispute response", position + ": " + action);
    }

    /**
     * Complete listener of the IRO's consideration: resolved, not resolved (it climbs), or, after the director,
     * referred to Cafcass on a date that is not in the future.
     */
    public void considered(DelegateTask task) {
        var dispute = of(task.getExecution());
        var last = dispute.currentStage() == DisputeStage.DIRECTOR;
        var outcome = TaskInput.text(task, "concernOutcome");
        var allowed = last ? Set.of("resolved", "refer-to-cafcass") : Set.of("resolved", "not-resolved");
        if (outcome == null || !allowed.contains(outcome)) {
            throw TaskInput.invalid("concernOutcome", "Record whether the concern is resolved"
                    + (last ? " or referred to Cafcass" : " or goes to the next manager") + " (concernOutcome)");
        }
        var on = timescales.today();
        if ("refer-to-cafcass".equals(outcome)) {
            on = TaskInput.required(task, "cafcassReferredOn", timescales::dateOf, "a date");
            if (on.isBefore(dispute.view().raisedOn())) {
                throw TaskInput.invalid("cafcassReferredOn", "The referral to Cafcass (cafcassReferredOn) cannot be before the concern was raised");
            }
        }
        var rationale = TaskInput.requiredText(task, "concernOutcomeRationale");
        dispute.considered(TaskInput.doneBy(task), timescales.now(), outcome, rationale, on);
        audit.changed(dispute.childReference(), "IRO dispute considered", outcome + ": " + rationale);
    }


    private IroDispute of(DelegateExecution execution) {
        return disputes.findById(TaskInput.id(execution, "disputeId")).orElseThrow();
    }
}
