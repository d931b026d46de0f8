package org.carepath.careleaver;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.carepath.audit.Audit;
import org.carepath.engine.TaskInput;
import org.carepath.identity.Groups;
import org.carepath.identity.Viewer;
import org.carepath.timescale.Timescales;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the steps of {@code care-leaver-pathway.bpmn} decide and record (bean {@code careLeaverSteps}). A date a form
 * records is refused, naming its field, when it comes before what the record already holds.
 */
@Component("careLeaverSteps")
@Transactional
public class CareLeaverSteps {

    /** The domains of a pathway plan (Care Leavers (England) Regulations 2010, Schedule 1), as the form's keys name them. */
    static final List<String> DOMAINS = List.of("accommodation", "educationEmploymentTraining", "healthAndWellbeing", "money",
            "familyAndRelationships", "identity", "practicalSkills");
    static final Set<String> STAYING_PUT = Set.of("chosen", "not-chosen", "not-in-foster-care");
    static final Set<String> STAYING_CLOSE = Set.of("chosen", "not-chosen");

    private final CareLeavers careLeavers;
    private final IdentityService identity;
    private final Timescales timescales;
    private final Audit audit;
    private final CareLeaverSettings settings;

    CareLeaverSteps(CareLeavers careLeavers, IdentityService identity, Timescales timescales, Audit audit, CareLeaverSettings settings) {
        this.careLeavers = careLeavers;
        this.identity = identity;
        this.timescales = timescales;
        this.audit = audit;
        this.settings = settings;
    }

    /** On the 16th birthday, or the day a late eligibility was due: eligible, not yet (still in care), or not. */
    public void checkEligibility(DelegateExecution execution) {
        var reference = execution.getProcessBusinessKey();
        var eligibility = careLeavers.eligibility(reference, timescales.today());
        execution.setVariable("eligibility", switch (eligibility.outcome()) {
            case ELIGIBLE -> "eligible";
            case NOT_YET -> "not-yet";
            case NOT_ELIGIBLE -> "not-eligible";
        });
        if (eligibility.eligibleOn() != null) {
            execution.setVariable("eligibleOn", careLeavers.midday(eligibility.eligibleOn()));
        }
        if (eligibility.outcome() == Eligibility.Outcome.ELIGIBLE) {
            var careLeaver = careLeavers.becameEligible(reference, eligibility.eligibleOn(), execution.getProcessInstanceId());
            execution.setVariable("careLeaverId", careLeaver.id());
            execution.setVariable("pathwayPlanClockFrom", careLeavers.midday(eligibility.eligibleOn()));
            execution.setVariable("localOffer", settings.getLocalOfferUrl());
        }
    }

    /** The social worker's needs assessment and the first pathway plan, or a new one after a return for support. */
    public void pathwayPlanPrepared(DelegateTask task) {
        var careLeaver = careLeaverOf(task);
        var from = timescales.dateOf(task.getVariable("pathwayPlanClockFrom"));
        var on = notBefore(task, "pathwayPlanOn", from, "the young person became eligible or asked for support again");
        record(task, careLeaver, on, false, null);
        audit.changed(careLeaver.childReference(), "pathway plan", "prepared on " + on);
    }

    public void personalAdviserAllocated(DelegateTask task) {
        var careLeaver = careLeaverOf(task);
        var adviser = TaskInput.requiredText(task, "personalAdviser");
        if (!Viewer.of(identity, adviser).in(Groups.PERSONAL_ADVISER)) {
            throw TaskInput.invalid("personalAdviser", "'" + adviser + "' is not a personal adviser (personalAdviser)");
        }
        careLeaver.adviser(adviser, timescales.today());
        task.getExecution().setVariable("personalAdviser", adviser);
        audit.changed(careLeaver.childReference(), "personal adviser", adviser);
    }

    /** Support begins: keeping in touch starts now if care has ended, or when it does. */
    public void supportStarted(DelegateExecution execution) {
        var reference = execution.getProcessBusinessKey();
        var inCare = careLeavers.openPeriod(reference).isPresent();
        execution.setVariable("stillLookedAfter", inCare);
        // staying close is for a young person leaving a children's home, where the council has the duty switched on
        var inChildrensHome = careLeavers.openPeriod(reference).flatMap(p -> p.placements().stream()
                .filter(placement -> placement.endedOn() == null).findFirst())
                .map(placement -> placement.type() == org.carepath.lookedafter.PlacementType.CHILDRENS_HOME).orElse(false);
        var closeConsidered = careLeavers.careLeaver(TaskInput.id(execution, "careLeaverId")).stayingCloseConsidered();
        execution.setVariable("stayingCloseToConsider", settings.isStayingClose() && inChildrensHome && !closeConsidered);
        if (!inCare && execution.getVariable("lastContactOn") == null) {
            var left = careLeavers.periods(reference).stream().map(Eligibility.Period::endedOn).filter(java.util.Objects::nonNull)
                    .max(LocalDate::compareTo).orElse(timescales.today());
            execution.setVariable("lastContactOn", careLeavers.midday(left));
        }
    }

    /** A review, due or asked for: what changed since the last one, and the plan as it stands now. */
    public void pathwayPlanReviewed(DelegateTask task) {
        var careLeaver = careLeaverOf(task);
        var last = careLeaver.latestPlan().map(PathwayPlan::recordedOn).orElse(careLeaver.eligibleOn());
        var on = notBefore(task, "reviewedOn", last, "the last pathway plan or review");
        var changes = TaskInput.requiredText(task, "changesSinceLastReview");
        record(task, careLeaver, on, "Task_HoldRequestedReview".equals(task.getTaskDefinitionKey()), changes);
        if (!Boolean.TRUE.equals(task.getVariable("stayingPutConsidered"))) {
            considerStayingPut(task, careLeaver);
        }
        if (Boolean.TRUE.equals(task.getVariable("stayingCloseToConsider"))) {
            var decision = oneOf(task, "stayingCloseDecision", STAYING_CLOSE);
            careLeaver.stayingClose(decision, on);
            task.getExecution().setVariable("stayingCloseToConsider", false);
            audit.changed(careLeaver.childReference(), "staying close", decision);
        }
        audit.changed(careLeaver.childReference(), "pathway plan review", "held on " + on);
    }

    /** At the first review after the 16th birthday: staying put with the former foster carers, supported to 21 if chosen. */
    private void considerStayingPut(DelegateTask task, CareLeaver careLeaver) {
        var decision = oneOf(task, "stayingPutDecision", STAYING_PUT);
        careLeaver.stayingPut(decision, timescales.today());
        task.getExecution().setVariable("stayingPut", "chosen".equals(decision));
        task.getExecution().setVariable("stayingPutConsidered", true);
        audit.changed(careLeaver.childReference(), "staying put", decision);
    }

    /** The personal adviser was in touch; the next contact is due at most 2 months after this one. */
    public void contacted(DelegateTask task) {
        var careLeaver = careLeaverOf(task);
        var afterMove = "Task_VisitTheNewHome".equals(task.getTaskDefinitionKey());
        var last = careLeaver.contacts().isEmpty() ? careLeaver.eligibleOn()
                : careLeaver.contacts().get(careLeaver.contacts().size() - 1).contactedOn();
        var on = notBefore(task, "contactedOn", last, "the last contact");
        var method = oneOf(task, "contactMethod", Set.copyOf(CareLeaverInput.CONTACT_METHODS));
        if (afterMove && !"in-person".equals(method)) {
            throw TaskInput.invalid("contactMethod", "The visit after a move is in person, to see the new home (contactMethod)");
        }
        var recordedBy = task.getVariableTyped("contactRecordedBy") != null && task.getVariableTyped("contactRecordedBy").isTransient()
                ? (String) task.getVariable("contactRecordedBy") : null;
        careLeaver.contact(new AdviserContact(careLeaver, on, method, afterMove, TaskInput.requiredText(task, "contactNote"),
                recordedBy != null ? recordedBy : TaskInput.doneBy(task), timescales.now()));
        task.getExecution().setVariable("lastContactOn", careLeavers.midday(on));
        audit.changed(careLeaver.childReference(), "personal adviser contact", method + " on " + on);
    }

    public void stayingPutEnded(DelegateExecution execution) {
        var careLeaver = careLeaverOf(execution);
        careLeaver.stayingPutEnded(timescales.dueDate("TWENTY_FIRST_BIRTHDAY", careLeaver.dateOfBirth()));
        execution.setVariable("stayingPut", false);
    }

    /** The young person declined support after 21; the record says they may ask again before 25. */
    public void rightToReturnRecorded(DelegateExecution execution) {
        var careLeaver = careLeaverOf(execution);
        careLeaver.closed(timescales.dateOf(execution.getVariable("declinedOn")), "declined support after 21 (right to return recorded)");
        careLeavers.endActions(careLeaver, "The young person declined support");
    }

    /** The owner (or the worker following it up) did the action agreed in the plan. */
    public void actionDone(DelegateTask task) {
        var careLeaver = careLeaverOf(task);
        var goal = careLeaver.goal(TaskInput.id(task, "goalId")).orElseThrow();
        goal.done(notBefore(task, "actionDoneOn", careLeaver.eligibleOn(), "the young person became eligible"),
                TaskInput.text(task, "actionNote"));
    }

    public void closedAtTwentyFive(DelegateExecution execution) {
        var careLeaver = careLeaverOf(execution);
        careLeavers.endActions(careLeaver, "Leaving-care support ended at 25");
        careLeaver.closed(timescales.dueDate("TWENTY_FIFTH_BIRTHDAY", careLeaver.dateOfBirth()), "25th birthday");
        audit.changed(careLeaver.childReference(), "leaving-care support ended", "25th birthday");
    }

    // ------------------------------------------------------------------ the plan as the form records it

    private void record(DelegateTask task, CareLeaver careLeaver, LocalDate on, boolean onRequest, String changes) {
        var plan = careLeaver.plan(new PathwayPlan(careLeaver, careLeaver.plans().size(), onRequest, on,
                TaskInput.requiredText(task, "youngPersonViews"), TaskInput.requiredText(task, "contingency"), changes,
                TaskInput.doneBy(task), timescales.now()));
        for (var domain : DOMAINS) {
            var goal = TaskInput.requiredText(task, domain + "Goal");
            var action = TaskInput.text(task, domain + "Action");
            var owner = TaskInput.text(task, domain + "ActionOwner");
            var dueOn = TaskInput.optional(task, domain + "ActionDueOn", timescales::dateOf, "a date");
            if (action != null || owner != null || dueOn != null) {
                if (action == null) {
                    throw TaskInput.invalid(domain + "Action", "Say what will be done towards the goal (" + domain + "Action)");
                }
                if (owner == null) {
                    throw TaskInput.invalid(domain + "ActionOwner", "Say who will do it (" + domain + "ActionOwner)");
                }
                if (dueOn == null) {
                    throw TaskInput.invalid(domain + "ActionDueOn", "Say by when (" + domain + "ActionDueOn)");
                }
                if (dueOn.isBefore(on)) {
                    throw TaskInput.invalid(domain + "ActionDueOn", "The action's due date (" + dueOn + ") must not be before the plan ("
                            + on + ")");
                }
            }
            plan.goal(new PlanGoal(plan, domain, goal, action, owner, dueOn));
        }
        careLeavers.flush();
        plan.goals().stream().filter(g -> g.action() != null).forEach(g -> g.trackedBy(careLeavers.track(careLeaver, g,
                (String) task.getVariable("personalAdviser"))));
        task.getExecution().setVariable("lastPlannedOn", careLeavers.midday(on));
    }

    private CareLeaver careLeaverOf(VariableScope scope) {
        return careLeavers.careLeaver(TaskInput.id(scope, "careLeaverId"));
    }

    private LocalDate notBefore(DelegateTask task, String variable, LocalDate earliest, String what) {
        var date = TaskInput.required(task, variable, timescales::dateOf, "a date");
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
