package org.carepath.careleaver;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import jakarta.validation.Validator;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.carepath.audit.Audit;
import org.carepath.child.Children;
import org.carepath.child.Journeys;
import org.carepath.identity.Viewer;
import org.carepath.lookedafter.ChildBecameLookedAfter;
import org.carepath.lookedafter.ChildLeftCare;
import org.carepath.lookedafter.LookedAfter;
import org.carepath.lookedafter.PeriodInCareView;
import org.carepath.timescale.Timescales;
import org.carepath.web.ConflictException;
import org.carepath.web.FieldProblems;
import org.carepath.web.NotFoundException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Care leavers' records and the use cases of the API. The journey waits from the day a child under 18 comes into
 * care; whether they are eligible is worked out from their periods in care when they are 16, never typed in.
 */
@Service
@Transactional
public class CareLeavers {

    static final String PROCESS = "care-leaver-pathway";
    static final String ACTION_PROCESS = "pathway-plan-action";
    /** Who may own a tracked action themselves; anyone else's action is followed up by the personal adviser or social worker. */
    static final List<String> ACTION_OWNERS = List.of(org.carepath.identity.Groups.PERSONAL_ADVISER,
            org.carepath.identity.Groups.PRACTITIONER, org.carepath.identity.Groups.TEAM_MANAGER);
    static final String LEFT_CARE = "CareLeaverLeftCare";
    static final String REVIEW_REQUESTED = "PathwayPlanReviewRequested";
    static final String MOVED_INTO_ACCOMMODATION = "MovedIntoAccommodation";
    static final String SUPPORT_DECLINED = "SupportDeclined";
    static final String SUPPORT_ASKED_FOR_AGAIN = "SupportAskedForAgain";
    static final String[] CONTACT_TASKS = {"Task_ContactTheYoungPerson", "Task_VisitTheNewHome"};

    private final CareLeaverRepository careLeavers;
    private final LookedAfter lookedAfter;
    private final Children children;
    private final Journeys journeys;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identity;
    private final Timescales timescales;
    private final Validator validator;
    private final Audit audit;
    private final CareLeaverSettings settings;

    CareLeavers(CareLeaverRepository careLeavers, LookedAfter lookedAfter, Children children, Journeys journeys, RuntimeService runtime,
                TaskService tasks, IdentityService identity, Timescales timescales, Validator validator, Audit audit,
                CareLeaverSettings settings) {
        this.careLeavers = careLeavers;
        this.lookedAfter = lookedAfter;
        this.children = children;
        this.journeys = journeys;
        this.runtime = runtime;
        this.tasks = tasks;
        this.identity = identity;
        this.timescales = timescales;
        this.validator = validator;
        this.audit = audit;
        this.settings = settings;
    }

    // ------------------------------------------------------------------ the journey starts and hears of care ending

    /** A child under 18 came into care: the journey waits for their 16th birthday (at once if they are 16 already). */
    @EventListener
    void on(ChildBecameLookedAfter began) {
        var child = children.get(began.childReference());
        if (child.dateOfBirth() == null
                || !began.startedOn().isBefore(timescales.dueDate("EIGHTEENTH_BIRTHDAY", child.dateOfBirth()))
                || journeyRunning(began.childReference())) {
            return;
        }
        Viewer.asTheApplication(identity, () -> journeys.start(PROCESS, began.childReference(), Variables.createVariables()
                .putValue("dateOfBirth", midday(child.dateOfBirth()))
                .putValue("careLeaverId", null)
                .putValue("stayingPut", false)
                .putValue("stayingPutConsidered", false)
                .putValue("stayingCloseToConsider", false)));
    }

    /**
     * Care ended (at 18, or before as a relevant child): keeping in touch counts from that day. A journey still
     * waiting to find out whether the child is eligible ends: a child must be looked after at 16 or later to be, and
     * if they come back into care a new one waits, counting every period.
     */
    @EventListener
    void on(ChildLeftCare left) {
        Viewer.asTheApplication(identity, () -> {
            runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).processInstanceBusinessKey(left.childReference()).list()
                    .stream().filter(journey -> runtime.getVariable(journey.getId(), "careLeaverId") == null)
                    .forEach(journey -> journeys.end(journey.getId(), "Left care before becoming eligible for leaving-care support"));
            return null;
        });
        Viewer.asTheApplication(identity, () -> runtime.createMessageCorrelation(LEFT_CARE).processInstanceBusinessKey(left.childReference())
                .setVariable("lastContactOn", midday(left.endedOn())).correlateAllWithResult());
    }

    private boolean journeyRunning(String childReference) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).processInstanceBusinessKey(childReference).active()
                .count() > 0;
    }

    // ------------------------------------------------------------------ eligibility and status, from the record

    Eligibility eligibility(String childReference, LocalDate today) {
        var dateOfBirth = children.get(childReference).dateOfBirth();
        return dateOfBirth == null ? new Eligibility(Eligibility.Outcome.NOT_ELIGIBLE, null)
                : Eligibility.on(today, dateOfBirth, periods(childReference), timescales);
    }

    List<Eligibility.Period> periods(String childReference) {
        return lookedAfter.periods(childReference).stream().map(p -> new Eligibility.Period(p.startedOn(), p.endedOn())).toList();
    }

    /** Still looked after today, and the placement they are in (staying close is for a young person leaving a children's home). */
    java.util.Optional<PeriodInCareView> openPeriod(String childReference) {
        return lookedAfter.periods(childReference).stream().filter(PeriodInCareView::open).findFirst();
    }

    /** The young person's record once they are eligible (made on the day the journey finds them so). */
    CareLeaver becameEligible(String childReference, LocalDate eligibleOn, String processInstanceId) {
        var careLeaver = careLeavers.findByChildReference(childReference).orElse(null);
        if (careLeaver == null) {
            careLeaver = careLeavers.saveAndFlush(new CareLeaver(childReference, children.get(childReference).dateOfBirth(), eligibleOn,
                    processInstanceId, timescales.now()));
        } else {
            careLeaver.eligibleAgain(eligibleOn, processInstanceId);
        }
        audit.changed(childReference, "care leaver", "eligible from " + eligibleOn);
        return careLeaver;
    }

    void flush() {
        careLeavers.flush();
    }

    /**
     * An action of the plan gets its own clock ({@code pathway-plan-action.bpmn}): a task for its owner if they are a
     * CarePath user, otherwise (the young person, a carer) for the personal adviser, or the social worker before
     * there is one, who follows it up.
     */
    String track(CareLeaver careLeaver, PlanGoal goal, String personalAdviser) {
        var owner = goal.actionOwner();
        var asUser = identity.createUserQuery().userId(owner).count() == 0 ? java.util.Optional.<String>empty()
                : Viewer.of(identity, owner).firstOf(ACTION_OWNERS);
        String assignee;
        String group;
        if (asUser.isPresent()) {
            assignee = owner;
            group = asUser.get();
        } else if (personalAdviser != null) {
            assignee = personalAdviser;
            group = org.carepath.identity.Groups.PERSONAL_ADVISER;
        } else {
            assignee = children.allocatedWorker(careLeaver.childReference()).orElse(null);
            group = org.carepath.identity.Groups.PRACTITIONER;
        }
        return Viewer.asTheApplication(identity, () -> journeys.start(ACTION_PROCESS, careLeaver.childReference(), Variables.createVariables()
                .putValue("careLeaverId", careLeaver.id()).putValue("goalId", goal.id())
                .putValue("action", goal.action()).putValue("actionDomain", goal.domain())
                .putValue("actionOwnerName", owner).putValue("actionOwner", assignee).putValue("actionOwnerGroup", group)
                .putValue("actionDueOn", midday(goal.actionDueOn()))).getId());
    }

    /** Support ended: the plan's open actions stop, so nobody is chased for them. */
    void endActions(CareLeaver careLeaver, String reason) {
        Viewer.asTheApplication(identity, () -> {
            runtime.createProcessInstanceQuery().processDefinitionKey(ACTION_PROCESS).processInstanceBusinessKey(careLeaver.childReference())
                    .list().forEach(action -> journeys.end(action.getId(), reason));
            return null;
        });
    }

    CareLeaver careLeaver(long id) {
        return careLeavers.findById(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public CareLeaverView view(String childReference) {
        children.require(childReference);
        return careLeavers.findByChildReference(childReference).map(this::view).orElse(null);
    }

    CareLeaverView view(CareLeaver careLeaver) {
        var periods = periods(careLeaver.childReference());
        var today = timescales.today();
        return careLeaver.view(CareLeaverStatus.history(today, careLeaver.eligibleOn(), careLeaver.dateOfBirth(), periods, timescales),
                careLeaver.closedOn() != null ? null
                        : CareLeaverStatus.on(today, careLeaver.eligibleOn(), careLeaver.dateOfBirth(), periods, timescales),
                settings.getLocalOfferUrl());
    }

    private CareLeaver require(String childReference) {
        children.require(childReference);
        return careLeavers.findByChildReference(childReference)
                .orElseThrow(() -> new NotFoundException(childReference + " is not a care leaver (not eligible for leaving-care support)"));
    }

    // ------------------------------------------------------------------ the API's use cases

    CareLeaverView requestReview(String childReference, CareLeaverInput.ReviewRequest input) {
        var careLeaver = require(childReference);
        var problems = FieldProblems.of(validator, input);
        problems.throwIfAny();
        var on = LocalDate.parse(input.requestedOn());
        correlate(careLeaver, REVIEW_REQUESTED, Map.of("reviewRequestedOn", midday(on), "reviewRequestedBy", input.requestedBy(),
                "reviewRequestReason", input.reason().strip()), "no review can be asked for now: a review is already open, or"
                + " the pathway plan and personal adviser are not in place yet");
        audit.changed(childReference, "pathway plan review requested", "by the " + input.requestedBy() + " on " + on);
        return view(careLeaver);
    }

    CareLeaverView recordContact(String childReference, CareLeaverInput.Contact input) {
        var careLeaver = require(childReference);
        FieldProblems.of(validator, input).throwIfAny();
        var task = Viewer.asTheApplication(identity, () -> tasks.createTaskQuery().processInstanceId(careLeaver.processInstanceId())
                .taskDefinitionKeyIn(CONTACT_TASKS).singleResult());
        if (task == null) {
            throw new ConflictException(childReference + " has no personal adviser contact due (still looked after, or support ended)");
        }
        // the task's listener records the contact, refusing a date before the last one (naming the field)
        var variables = Variables.createVariables().putValue("contactedOn", input.contactedOn()).putValue("contactMethod", input.method())
                .putValue("contactNote", input.note().strip())
                // who recorded it through the API (the task is completed as the application)
                .putValueTyped("contactRecordedBy", Variables.stringValue(Viewer.current(identity).userId(), true));
        Viewer.asTheApplication(identity, () -> {
            tasks.complete(task.getId(), variables);
            return null;
        });
        return view(careLeaver);
    }

    CareLeaverView recordCircumstances(String childReference, CareLeaverInput.CircumstancesFrom input) {
        var careLeaver = require(childReference);
        var problems = FieldProblems.of(validator, input);
        if (problems.fine("accommodationType") && !CareLeaverInput.ACCOMMODATION_TYPES.contains(input.accommodationType())) {
            problems.add("accommodationType", "must be one of " + CareLeaverInput.ACCOMMODATION_TYPES);
        }
        if (problems.fine("activity") && !CareLeaverInput.ACTIVITIES.contains(input.activity())) {
            problems.add("activity", "must be one of " + CareLeaverInput.ACTIVITIES);
        }
        if (problems.fine("from") && LocalDate.parse(input.from()).isBefore(careLeaver.eligibleOn())) {
            problems.add("from", "must not be before the young person became eligible (" + careLeaver.eligibleOn() + ")");
        }
        problems.throwIfAny();
        var from = LocalDate.parse(input.from());
        boolean byAuthority = Boolean.TRUE.equals(input.providedByAuthority());
        careLeaver.circumstances(new Circumstances(careLeaver, from, input.accommodationType(), input.accommodationSuitable(),
                byAuthority, input.activity(), "staying-put".equals(input.accommodationType()),
                "staying-close".equals(input.accommodationType()), Boolean.TRUE.equals(input.inCustody()),
                Boolean.TRUE.equals(input.parent()), Viewer.current(identity).userId(), timescales.now()));
        careLeavers.flush();
        if (byAuthority) {
            // the first visit after a move into accommodation the authority provides is due within 7 days
            Viewer.asTheApplication(identity, () -> runtime.createMessageCorrelation(MOVED_INTO_ACCOMMODATION)
                    .processInstanceId(careLeaver.processInstanceId()).setVariable("movedOn", midday(from)).correlateAllWithResult());
        }
        audit.changed(childReference, "care leaver circumstances", input.accommodationType() + ", " + input.activity() + " from " + from);
        return view(careLeaver);
    }

    CareLeaverView declineSupport(String childReference, CareLeaverInput.SupportDeclined input) {
        var careLeaver = require(childReference);
        var problems = FieldProblems.of(validator, input);
        if (problems.fine("declinedOn")) {
            var twentyFirst = timescales.dueDate("TWENTY_FIRST_BIRTHDAY", careLeaver.dateOfBirth());
            if (LocalDate.parse(input.declinedOn()).isBefore(twentyFirst)) {
                problems.add("declinedOn", "must not be before the 21st birthday (" + twentyFirst + "): support to 21 is not"
                        + " the young person's to decline");
            }
        }
        problems.throwIfAny();
        var on = LocalDate.parse(input.declinedOn());
        careLeaver.declined(on, input.rightToReturnExplained().strip());
        careLeavers.flush();
        correlate(careLeaver, SUPPORT_DECLINED, Map.of("declinedOn", midday(on)), "support is not running (declined already, or ended)");
        audit.changed(childReference, "leaving-care support declined", "on " + on);
        return view(careLeaver);
    }

    CareLeaverView askForSupportAgain(String childReference, CareLeaverInput.SupportAskedForAgain input) {
        var careLeaver = require(childReference);
        var problems = FieldProblems.of(validator, input);
        if (problems.fine("askedOn")) {
            var twentyFifth = timescales.dueDate("TWENTY_FIFTH_BIRTHDAY", careLeaver.dateOfBirth());
            var on = LocalDate.parse(input.askedOn());
            if (!on.isBefore(twentyFifth)) {
                problems.add("askedOn", "must be before the 25th birthday (" + twentyFifth + ")");
            } else if (careLeaver.declinedOn() != null && on.isBefore(careLeaver.declinedOn())) {
                problems.add("askedOn", "must not be before support was declined (" + careLeaver.declinedOn() + ")");
            }
        }
        problems.throwIfAny();
        var on = LocalDate.parse(input.askedOn());
        careLeaver.returned(on);
        careLeaver.closed(null, null);
        careLeavers.flush();
        correlate(careLeaver, SUPPORT_ASKED_FOR_AGAIN, Map.of("pathwayPlanClockFrom", midday(on), "lastContactOn", midday(on)),
                "the young person has not declined support (it is running, or ended at 25)");
        audit.changed(childReference, "leaving-care support asked for again", "on " + on);
        return view(careLeaver);
    }

    private void correlate(CareLeaver careLeaver, String message, Map<String, Object> variables, String whyNot) {
        try {
            Viewer.asTheApplication(identity, () -> runtime.createMessageCorrelation(message)
                    .processInstanceId(careLeaver.processInstanceId()).setVariables(variables).correlateWithResult());
        } catch (MismatchingMessageCorrelationException e) {
            throw new ConflictException(careLeaver.childReference() + ": " + whyNot);
        }
    }

    /** The authority's figures for a period, counted from every care leaver's recorded dates. */
    @Transactional(readOnly = true)
    public CareLeaverFigures figures(LocalDate from, LocalDate to) {
        return figures(from, to, reference -> true);
    }

    /** The same, counting only the young people {@code counted} accepts (by child reference: a manager's scope). */
    @Transactional(readOnly = true)
    public CareLeaverFigures figures(LocalDate from, LocalDate to, java.util.function.Predicate<String> counted) {
        if (to.isBefore(from)) {
            throw new org.carepath.web.InvalidRequestException("from", "must not be after to (" + to + ")");
        }
        var people = careLeavers.findAllByOrderByIdAsc().stream().filter(c -> counted.test(c.childReference())).map(c -> new CareLeaverFigures.YoungPerson(c.dateOfBirth(),
                c.eligibleOn(), c.closedOn(), c.contacts().stream().map(AdviserContact::contactedOn).toList(),
                c.circumstances().stream().map(s -> new CareLeaverFigures.Situation(s.recordedOn(), s.accommodationSuitable(),
                        s.inEducationEmploymentOrTraining(), s.stayingPut())).toList(),
                c.plans().stream().map(PathwayPlan::recordedOn).toList())).toList();
        return CareLeaverFigures.count(from, to, people, timescales);
    }

    Date midday(LocalDate date) {
        return Date.from(date.atTime(12, 0).atZone(timescales.zone()).toInstant());
    }
}
