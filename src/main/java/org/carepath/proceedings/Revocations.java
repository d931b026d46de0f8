package org.carepath.proceedings;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.Variables;
import org.carepath.audit.Audit;
import org.carepath.child.Children;
import org.carepath.child.Journeys;
import org.carepath.child.LegalStatus;
import org.carepath.engine.TaskInput;
import org.carepath.timescale.Timescales;
import org.carepath.web.ConflictException;
import org.carepath.lookedafter.DischargeOfCareOrderAsked;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The revocation pathway ({@code revocation-of-care-order.bpmn}, bean {@code revocations}): for a child on
 * a care order living at home, the decision to apply for discharge, the application and the hearing, each
 * on its own clock, so that children placed with parents do not wait in care without reason.
 */
@Component("revocations")
@Transactional
public class Revocations {

    static final String PROCESS = "revocation-of-care-order";

    private final RevocationRepository revocations;
    private final Children children;
    private final Journeys journeys;
    private final Timescales timescales;
    private final ApplicationEventPublisher events;
    private final Audit audit;

    Revocations(RevocationRepository revocations, Children children, Journeys journeys, Timescales timescales,
                ApplicationEventPublisher events, Audit audit) {
        this.revocations = revocations;
        this.children = children;
        this.journeys = journeys;
        this.timescales = timescales;
        this.events = events;
        this.audit = audit;
    }

    Revocation.RevocationView consider(String childReference, String reason, String requestedBy) {
        var child = children.get(childReference);
        if (child.legalStatus() != LegalStatus.CARE_ORDER) {
            throw new ConflictException(childReference + " is not on a care order (legal status " + child.legalStatus() + ")");
        }
        revocations.findLiveFor(childReference).ifPresent(live -> {
            throw new ConflictException("Discharge of " + childReference + "'s care order is already being considered (" + live.id() + ")");
        });
        var revocation = revocations.save(new Revocation(childReference, reason.strip(), requestedBy, timescales.now()));
        var instance = journeys.start(PROCESS, childReference, Variables.createVariables()
                .putValue("revocationId", revocation.id())
                .putValue("dischargeConsideredAt", Date.from(timescales.now())));
        revocation.startedAs(instance.getId());
        audit.changed(childReference, "revocation considered", reason.strip());
        return revocation.view();
    }

    /**
     * The looked-after journey's prompt for a child at home on a care order: in the transaction of the team
     * manager's decision, so the decision and the pathway it starts are recorded together. A pathway already
     * under way takes the request on its record instead.
     */
    @EventListener
    void on(DischargeOfCareOrderAsked asked) {
        var live = revocations.findLiveFor(asked.childReference());
        if (live.isPresent()) {
            audit.changed(asked.childReference(), "revocation asked for again", asked.reason() + " (already under way: " + live.get().id() + ")");
            return;
        }
        consider(asked.childReference(), asked.reason(), asked.askedBy());
    }

    @Transactional(readOnly = true)
    List<Revocation.RevocationView> forChild(String childReference) {
        children.require(childReference);
        return revocations.findByChildReferenceOrderByConsideredAtDesc(childReference).stream().map(Revocation::view).toList();
    }

    public void applied(DelegateTask task) {
        of(task).applied(date(task, "dischargeAppliedOn"));
    }

    /** The court heard the application: a discharged care order ends the child's looked-after status. */
    public void heard(DelegateTask task) {
        var revocation = of(task);
        var heldOn = date(task, "dischargeHearingHeldOn");
        var outcome = TaskInput.text(task, "dischargeOutcome");
        if (!"discharged".equals(outcome) && !"refused".equals(outcome)) {
            throw TaskInput.invalid("dischargeOutcome", "Record whether the care order was discharged or the application refused");
        }
        boolean discharged = "discharged".equals(outcome);
        revocation.heard(heldOn, discharged);
        if (discharged) {
            events.publishEvent(new CareOrderDischarged(revocation.childReference(), revocation.id(), heldOn));
        }
    }

    public void ended(DelegateExecution execution) {
        revocations.findById(TaskInput.id(execution, "revocationId")).orElseThrow().careOrderContinues();
    }

    private Revocation of(DelegateTask task) {
        return revocations.findById(TaskInput.id(task, "revocationId")).orElseThrow();
    }

    private LocalDate date(DelegateTask task, String variable) {
        return TaskInput.required(task, variable, timescales::dateOf, "a date");
    }
}
