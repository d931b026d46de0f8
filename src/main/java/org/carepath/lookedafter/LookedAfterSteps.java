package org.carepath.lookedafter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.carepath.audit.Audit;
import org.carepath.child.Journeys;
import org.carepath.engine.TaskInput;
import org.carepath.identity.Groups;
import org.carepath.identity.Viewer;
import org.carepath.timescale.Timescales;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the tasks of {@code looked-after-child.bpmn} and {@code looked-after-action.bpmn} record (bean
 * {@code lookedAfterSteps}). A date a form records is refused, naming its field, when it comes before what the
 * period has already recorded: no review before the child came into care, no visit before the placement began.
 */
@Component("lookedAfterSteps")
@Transactional
public class LookedAfterSteps {

    /** Decisions a review or a planning meeting form takes at a time: each becomes a tracked action. */
    static final int FORM_DECISIONS = 3;
    /** Who may own an action, in the order its task is offered to their groups (team roles in the child's team). */
    static final Set<String> VIEWS_GATHERED = Set.of("in-person", "with-an-advocate", "in-writing", "through-carer",
            "not-able-to-give-views");
    static final Set<String> CARE_PLAN_STATUSES = Set.of("on-track", "needs-changes", "not-in-place");

    private final LookedAfter lookedAfter;
    private final Journeys journeys;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final Timescales timescales;
    private final Audit audit;
    private final Disputes disputes;
    private final org.springframework.context.ApplicationEventPublisher events;

    LookedAfterSteps(LookedAfter lookedAfter, Journeys journeys, RuntimeService runtime, IdentityService identity,
                     Timescales timescales, Audit audit, Disputes disputes,
                     org.springframework.context.ApplicationEventPublisher events) {
        this.lookedAfter = lookedAfter;
        this.events = events;
        this.disputes = disputes;
        this.journeys = journeys;
        this.runtime = runtime;
        this.identity = identity;
        this.timescales = timescales;
        this.audit = audit;
    }

    /** The team manager appointed the child's IRO (or the API did, completing this task). */
    public void iroAppointed(DelegateTask task) {
        var iro = TaskInput.requiredText(task, "appointedIro");
        if (!Viewer.of(identity, iro).in(Groups.IRO)) {
            throw TaskInput.invalid("appointedIro", "'" + iro + "' is not an independent reviewing officer (appointedIro)");
        }
        lookedAfter.appoint(periodOf(task), iro);
    }

    public void carePlanRecorded(DelegateTask task) {
        var period = periodOf(task);
        period.carePlan(date(task, "carePlanPreparedOn"), TaskInput.requiredText(task, "carePlanSummary"));
        audit.changed(period.childReference(), "care plan", "prepared on " + date(task, "carePlanPreparedOn"));
    }

    public void healthAssessmentRecorded(DelegateTask task) {
        var period = periodOf(task);
        period.healthAssessment(notBefore(task, "healthAssessmentOn", period.startedOn(), "the child became looked after"),
                TaskInput.text(task, "healthAssessmentNote"));
    }

    public void personalEducationPlanRecorded(DelegateTask task) {
        var period = periodOf(task);
        var on = TaskInput.optional(task, "personalEducationPlanOn", timescales::dateOf, "a date");
        var note = TaskInput.text(task, "personalEducationPlanNote");
        if (on == null && note == null) {
            throw TaskInput.invalid("personalEducationPlanOn", "Record the date the plan was agreed (personalEducationPlanOn), or why the child needs none");
        }
        period.personalEducationPlan(on == null ? null : notBefore(task, "personalEducationPlanOn", period.startedOn(),
                "the child became looked after"), note);
    }

    /** The IRO recorded the review: the next one counts from the day this one took place. */
    public void reviewHeld(DelegateTask task) {
        var period = periodOf(task);
        var last = period.reviews().isEmpty() ? null : period.reviews().get(period.reviews().size() - 1).heldOn();
        var heldOn = last == null ? notBefore(task, "reviewHeldOn", period.startedOn(), "the child became looked after")
                : notBefore(task, "reviewHeldOn", last, "the last review");
        var gathered = oneOf(task, "childViewsGathered", VIEWS_GATHERED);
        var carePlanStatus = oneOf(task, "carePlanStatus", CARE_PLAN_STATUSES);
        var planInPlace = Boolean.TRUE.equals(task.getVariable("permanencePlanInPlace"));
        var actions = decisions(task, heldOn);
        period.review(new LookedAfterReview(period, period.reviewsHeld() + 1, heldOn, TaskInput.doneBy(task),
                TaskInput.requiredText(task, "reviewAttendedBy"), TaskInput.requiredText(task, "childViews"), gathered, carePlanStatus, planInPlace,
                TaskInput.text(task, "reviewSummary"), timescales.now()));
        if (Boolean.TRUE.equals(task.getVariable("permanencePlanRatifiedAtReview"))) {
            var type = TaskInput.required(task, "permanencePlanType",
                    value -> PermanencePlanType.valueOf(value.toString().strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_')),
                    "a type of permanence plan");
            lookedAfter.ratify(period, type, TaskInput.requiredText(task, "permanencePlanContingency"), heldOn, RatifiedBy.LOOKED_AFTER_REVIEW,
                    "Looked-after review " + period.reviewsHeld() + " on " + heldOn);
        }
        start(period, "looked-after review " + period.reviewsHeld(), heldOn, actions);
        if (Boolean.TRUE.equals(task.getVariable("raiseConcern"))) {
            var concern = TaskInput.text(task, "iroConcern");
            if (concern == null) {
                throw TaskInput.invalid("iroConcern", "Say what the concern about the care plan is (iroConcern)");
            }
            try {
                lookedAfter.asTheApplication(() -> disputes.raise(period.childReference(), concern, TaskInput.doneBy(task)));
            } catch (org.carepath.web.InvalidRequestException e) {
                throw TaskInput.invalid("iroConcern", e.getMessage() + " (iroConcern)");
            }
        }
        task.getExecution().setVariable("lastReviewHeldOn", lookedAfter.midday(heldOn));
        audit.changed(period.childReference(), "looked-after review", "review " + period.reviewsHeld() + " held on " + heldOn);
    }

    public void planningMeetingHeld(DelegateTask task) {
        var period = periodOf(task);
        var heldOn = notBefore(task, "planningMeetingHeldOn", period.startedOn(), "the child became looked after");
        var actions = decisions(task, heldOn);
        period.meeting(new PermanencePlanningMeeting(period, heldOn, TaskInput.requiredText(task, "planningMeetingAttendedBy"),
                TaskInput.requiredText(task, "planningMeetingDiscussion"), TaskInput.doneBy(task), timescales.now()));
        start(period, "permanence planning meeting", heldOn, actions);
        task.getExecution().setVariable("lastPlanningMeetingHeldOn", lookedAfter.midday(heldOn));
    }

    /** The social worker saw the child in their placement; the next visit counts from this one. */
    public void visited(DelegateTask task) {
        var period = periodOf(task);
        var placement = period.placement(TaskInput.id(task, "placementId")).orElseThrow();
        var visitedOn = notBefore(task, "visitedOn", placement.startedOn(), "the placement began");
        boolean seenAlone = Boolean.TRUE.equals(task.getVariable("seenAlone"));
        var why = TaskInput.text(task, "notSeenAloneReason");
        if (!seenAlone && why == null) {
            throw TaskInput.invalid("notSeenAloneReason", "Say why the child was not seen alone (notSeenAloneReason)");
        }
        period.visit(new StatutoryVisit(period, placement.id(), visitedOn, seenAlone, seenAlone ? null : why,
                TaskInput.requiredText(task, "visitNote"), TaskInput.doneBy(task), timescales.now()));
        task.getExecution().setVariable("lastVisitOn", lookedAfter.midday(visitedOn));
    }

    /**
     * Which visit is next (reg 28): weekly until the first review for a child placed with parents or with a
     * connected person on temporary approval; every 3 months once a placement meant to last to 18 has lasted a
     * year; otherwise at most every 6 weeks.
     */
    public String nextVisit(DelegateExecution execution) {
        var period = periodOf(execution);
        var placement = period.placement(TaskInput.id(execution, "placementId")).orElseThrow();
        var lastVisit = timescales.dateOf(execution.getVariable("lastVisitOn"));
        if (placement.type().visitedWeeklyUntilFirstReview(placement.temporaryApproval()) && period.reviewsHeld() == 0) {
            return "weekly";
        }
        if (placement.longTerm() && !lastVisit.isBefore(placement.startedOn().plusYears(1))) {
            return "three-monthly";
        }
        return "six-weekly";
    }

    public void placementWithParentsAssessed(DelegateTask task) {
        var period = periodOf(task);
        var placement = period.currentPlacement().filter(p -> p.type() == PlacementType.PLACED_WITH_PARENTS).orElseThrow();
        var on = notBefore(task, "placementWithParentsAssessedOn", placement.startedOn(), "the placement began");
        placement.assessed(on, TaskInput.requiredText(task, "placementWithParentsAssessment"));
        audit.changed(period.childReference(), "placement with parents assessed", "on " + on);
    }

    /** A care order (not an interim one, which the court decides at the final hearing) may be discharged. */
    public boolean onACareOrder(DelegateExecution execution) {
        return periodOf(execution).currentLegalBasis() == org.carepath.child.LegalStatus.CARE_ORDER;
    }

    /** The team manager asked for the care order to be discharged: the revocation pathway takes it from here. */
    public void askForDischarge(DelegateExecution execution) {
        var period = periodOf(execution);
        events.publishEvent(new DischargeOfCareOrderAsked(period.childReference(),
                "Living with parents since " + timescales.dateOf(execution.getVariable("placedWithParentsOn")) + ": "
                        + execution.getVariable("dischargeConsiderationRationale"),
                org.carepath.identity.Viewer.current(identity).userId()));
    }

    public void lifeStoryWorkStarted(DelegateTask task) {
        var period = periodOf(task);
        period.lifeStoryWorkStarted(notBefore(task, "lifeStoryWorkStartedOn", period.startedOn(), "the child became looked after"),
                TaskInput.requiredText(task, "lifeStoryWorkNote"));
    }

    /** The 18th birthday ends the period; the journey's other work ends with it. */
    public void turnedEighteen(DelegateExecution execution) {
        var period = periodOf(execution);
        var birthday = timescales.dueDate("EIGHTEENTH_BIRTHDAY", timescales.dateOf(execution.getVariable("dateOfBirth")));
        lookedAfter.turnedEighteen(period, birthday);
        endOpenWork(execution);
    }

    /** The period ended: its disputes close and the actions decided in it stop, so nobody is chased for a child no longer in care. */
    public void endOpenWork(DelegateExecution execution) {
        var reference = execution.getProcessBusinessKey();
        disputes.childLeftCare(reference, timescales.today(), "the period in care ended");
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(execution.getProcessBusinessKey())
                .processDefinitionKey(LookedAfter.ACTION_PROCESS).list()
                .forEach(action -> journeys.end(action.getId(), "The child left care"));
    }

    public void actionDone(DelegateTask task) {
        var period = lookedAfter.period(TaskInput.id(task, "periodId"));
        var action = period.action(TaskInput.id(task, "actionId")).orElseThrow();
        action.done(notBefore(task, "actionDoneOn", period.startedOn(), "the child became looked after"), TaskInput.text(task, "actionNote"));
    }

    // ------------------------------------------------------------------ decisions become tracked actions

    record Decision(String action, String owner, String ownerGroup, LocalDate dueOn) {
    }

    /** An action decided elsewhere (the agency decision on a panel's recommendation), owned by one of the action owners. */
    Decision decision(String action, String owner, LocalDate dueOn) {
        var group = Viewer.of(identity, owner).firstOf(Groups.ACTION_OWNERS).orElse(Groups.TEAM_MANAGER);
        return new Decision(action, owner, group, dueOn);
    }

    private List<Decision> decisions(DelegateTask task, LocalDate decidedOn) {
        var decisions = new ArrayList<Decision>();
        for (int i = 1; i <= FORM_DECISIONS; i++) {
            var action = TaskInput.text(task, "decision" + i);
            var owner = TaskInput.text(task, "decision" + i + "Owner");
            var dueOn = TaskInput.optional(task, "decision" + i + "DueOn", timescales::dateOf, "a date");
            if (action == null && owner == null && dueOn == null) {
                continue;
            }
            if (action == null) {
                throw TaskInput.invalid("decision" + i, "Say what was decided (decision" + i + ")");
            }
            if (owner == null) {
                throw TaskInput.invalid("decision" + i + "Owner", "Say who will do it (decision" + i + "Owner)");
            }
            if (dueOn == null) {
                throw TaskInput.invalid("decision" + i + "DueOn", "Say by when (decision" + i + "DueOn)");
            }
            if (dueOn.isBefore(decidedOn)) {
                throw TaskInput.invalid("decision" + i + "DueOn", "The date an action is due (" + dueOn
                        + ") must not be before it was decided (" + decidedOn + ")");
            }
            var group = identity.createUserQuery().userId(owner).count() == 0 ? null
                    : Viewer.of(identity, owner).firstOf(Groups.ACTION_OWNERS).orElse(null);
            if (group == null) {
                throw TaskInput.invalid("decision" + i + "Owner", "'" + owner + "' is not a social worker, manager, IRO or solicitor");
            }
            decisions.add(new Decision(action, owner, group, dueOn));
        }
        return decisions;
    }

    void start(PeriodInCare period, String decidedAt, LocalDate decidedOn, List<Decision> decisions) {
        for (var decision : decisions) {
            var action = period.action(new LookedAfterAction(period, decidedAt, decidedOn, decision.action(), decision.owner(),
                    decision.dueOn(), timescales.now()));
            lookedAfter.flush();
            var instance = lookedAfter.asTheApplication(() -> journeys.start(LookedAfter.ACTION_PROCESS, period.childReference(), Variables.createVariables()
                    .putValue("periodId", period.id()).putValue("actionId", action.id())
                    .putValue("action", decision.action()).putValue("actionOwner", decision.owner())
                    .putValue("actionOwnerGroup", decision.ownerGroup())
                    .putValue("actionDueOn", lookedAfter.midday(decision.dueOn()))
                    .putValue("actionDecidedAt", decidedAt + " on " + decidedOn)));
            action.startedAs(instance.getId());
        }
    }

    // ------------------------------------------------------------------ reading the task

    private PeriodInCare periodOf(VariableScope scope) {
        return lookedAfter.period(TaskInput.id(scope, "periodId"));
    }

    private LocalDate date(DelegateTask task, String variable) {
        return TaskInput.required(task, variable, timescales::dateOf, "a date");
    }

    private LocalDate notBefore(DelegateTask task, String variable, LocalDate earliest, String what) {
        var date = date(task, variable);
        if (date.isBefore(earliest)) {
            throw TaskInput.invalid(variable, "The date " + date + " (" + variable + ") must not be before " + what + " (" + earliest + ")");
        }
        return date;
    }


    private static String oneOf(DelegateTask task, String variable, Set<String> values) {
        var value = TaskInput.requiredText(task, variable);
        if (!values.contains(value)) {
            throw TaskInput.invalid(variable, "'" + value + "' (" + variable + ") is not one of " + values.stream().sorted().toList());
        }
        return value;
    }
}
