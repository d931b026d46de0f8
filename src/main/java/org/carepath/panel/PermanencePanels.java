package org.carepath.panel;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Validator;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.Variables;
import org.carepath.audit.Audit;
import org.carepath.child.Children;
import org.carepath.child.Journeys;
import org.carepath.engine.TaskInput;
import org.carepath.identity.Groups;
import org.carepath.identity.Viewer;
import org.carepath.timescale.Timescales;
import org.carepath.web.ConflictException;
import org.carepath.web.FieldProblems;
import org.carepath.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The permanence panel journey ({@code permanence-panel.bpmn}, bean {@code permanencePanels}): a request for
 * panel, the child booked onto a sitting through {@link Panels}, the social worker's permanence report by the
 * papers deadline, the panel's recommendation and actions recorded once a quorate panel has sat, and the agency
 * decision on its own clock, which publishes {@link AgencyDecisionMade}. A case deferred or a sitting moved
 * ({@link PanelBookingMoved}) moves the journey to the new sitting.
 */
@Component("permanencePanels")
@Transactional
public class PermanencePanels {

    static final String PROCESS = "permanence-panel";
    static final String BOOKING_MOVED = "PanelBookingMoved";
    static final List<String> PLAN_TYPES = List.of("RETURN_HOME", "LONG_TERM_FOSTERING", "SPECIAL_GUARDIANSHIP",
            "CHILD_ARRANGEMENTS_ORDER", "ADOPTION", "KINSHIP", "RESIDENTIAL_OR_OTHER");
    static final List<String> REQUESTED_FROM = List.of("LOOKED_AFTER_REVIEW", "PERMANENCE_PLANNING_MEETING",
            "SOCIAL_WORKER_WITH_TEAM_MANAGER_AGREEMENT");
    /** Actions the recommendation form offers. */
    static final int FORM_ACTIONS = 3;
    private static final Map<String, PanelOutcome.AgencyDecision> DECISIONS = Map.of("accept", PanelOutcome.AgencyDecision.ACCEPTED,
            "not-accepted", PanelOutcome.AgencyDecision.NOT_ACCEPTED, "more-information", PanelOutcome.AgencyDecision.MORE_INFORMATION);

    private final Panels panels;
    private final PanelOutcomeRepository outcomes;
    private final Children children;
    private final Journeys journeys;
    private final Timescales timescales;
    private final ApplicationEventPublisher events;
    private final Audit audit;
    private final Validator validator;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final org.camunda.bpm.engine.TaskService tasks;

    PermanencePanels(Panels panels, PanelOutcomeRepository outcomes, Children children, Journeys journeys, Timescales timescales,
                     ApplicationEventPublisher events, Audit audit, Validator validator, RuntimeService runtime, IdentityService identity,
                     org.camunda.bpm.engine.TaskService tasks) {
        this.tasks = tasks;
        this.panels = panels;
        this.outcomes = outcomes;
        this.children = children;
        this.journeys = journeys;
        this.timescales = timescales;
        this.events = events;
        this.audit = audit;
        this.validator = validator;
        this.runtime = runtime;
        this.identity = identity;
    }

    /** A team manager asks for panel: the journey starts, with the administrator's booking task. */
    PanelViews.Request request(String childReference, PanelInput.Request input, String requestedBy) {
        var problems = FieldProblems.of(validator, input);
        problems.throwIfAny();
        children.require(childReference);
        var status = children.legalStatus(childReference);
        if (!status.isLookedAfter()) {
            throw new ConflictException(childReference + " is not looked after (" + status
                    + "): a permanence panel considers the plan of a child in care");
        }
        if (runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).processInstanceBusinessKey(childReference).count() > 0) {
            throw new ConflictException(childReference + " is on their way to panel already: the open request goes on"
                    + " (see the child's record, permanencePanel)");
        }
        var reason = input.reason().strip();
        var from = input.requestedFrom() == null ? REQUESTED_FROM.get(2) : input.requestedFrom();
        var instance = journeys.start(PROCESS, childReference, Variables.createVariables()
                .putValue("panelType", PanelType.PERMANENCE.name())
                .putValue("panelReason", reason)
                .putValue("panelRequestedFrom", from)
                .putValue("panelRequestedBy", requestedBy)
                .putValue("panelRequestedAt", Date.from(timescales.now()))
                .putValue("papersReceived", false)
                .putValue("deferrals", 0L));
        audit.changed(childReference, "permanence panel requested", reason);
        return new PanelViews.Request(childReference, reason, from, requestedBy, instance.getId());
    }

    /**
     * A child booked from the administrator's pages whose panel journey (a permanence panel asked for, a matching or
     * fostering panel called by another journey) waits for that booking: the booking is that task's answer, so the
     * journey moves on to the papers. Empty when no journey of the sitting's panel type waits for the child.
     */
    @Transactional
    Optional<PanelViews.Booking> bookWaitingJourney(long sittingId, String child) {
        var type = panels.sitting(sittingId).type();
        // finding the journey is the application's bookkeeping; the booking itself is the administrator's act
        var waiting = org.carepath.identity.Viewer.asTheApplication(identity, () -> tasks.createTaskQuery().processDefinitionKey(PROCESS)
                .processInstanceBusinessKey(child).taskDefinitionKey("Task_BookTheChildOntoASitting").list().stream()
                .filter(task -> type.equals(String.valueOf(Optional.ofNullable(runtime.getVariable(task.getExecutionId(), "panelType"))
                        .orElse(PanelType.PERMANENCE.name()))))
                .findFirst());
        if (waiting.isEmpty()) {
            return Optional.empty();
        }
        try {
            tasks.complete(waiting.get().getId(), Map.of("sittingId", sittingId));
        } catch (org.camunda.bpm.engine.ProcessEngineException e) {
            Throwable cause = e;
            while (cause != null && !(cause instanceof org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException)) {
                cause = cause.getCause();
            }
            if (cause == null) {
                throw e;
            }
            throw new ConflictException(cause.getMessage());
        }
        return panels.bookingsOf(child).stream().filter(b -> b.sittingId() == sittingId).reduce((first, later) -> later);
    }

    /** The booking task offers the next sitting of the journey's panel with a free place whose papers deadline can be met. */
    public void propose(DelegateTask task) {
        var type = panelType(task);
        panels.offered(type).ifPresentOrElse(proposed -> {
            // on the journey, not the task: the administrator's answer on completion replaces it
            task.getExecution().setVariable("sittingId", proposed.id());
            task.setVariableLocal("proposedSitting", proposed.day() + " (sitting " + proposed.id() + ", papers due by "
                    + Timescales.DAY_IN_WORDS.format(proposed.papersDeadline()) + ", " + proposed.freePlaces() + " free)");
        }, () -> task.setVariableLocal("proposedSitting", "No " + type.name().toLowerCase(java.util.Locale.ROOT)
                + " panel sitting has a free place with its papers deadline still to come: add a sitting, then book the child onto it"));
    }

    /** Books the child onto the sitting chosen; a full sitting, or one past its papers deadline, is refused on the field. */
    public void book(DelegateTask task) {
        long sittingId = TaskInput.required(task, "sittingId", value -> Long.parseLong(value.toString().strip()), "a sitting's number");
        var wanted = panelType(task);
        PanelViews.Booking booking;
        try {
            var type = panels.sitting(sittingId).type();
            if (!type.equals(wanted.name())) {
                throw TaskInput.invalid("sittingId", "Sitting " + sittingId + " is a " + type.toLowerCase(java.util.Locale.ROOT)
                        + " panel: this case goes to a " + wanted.name().toLowerCase(java.util.Locale.ROOT) + " panel");
            }
            booking = panels.book(sittingId, new PanelInput.Booking(task.getExecution().getProcessBusinessKey(),
                    task.getVariable("panelReason").toString(), null));
        } catch (ConflictException | NotFoundException e) {
            throw TaskInput.invalid("sittingId", e.getMessage());
        }
        var sitting = panels.sitting(booking.sittingId());
        var startsAt = ZonedDateTime.of(sitting.date(), sitting.time(), timescales.zone()).toInstant();
        onto(task.getExecution(), booking.sittingId(), booking.id(), startsAt, sitting.papersDeadline(), null);
        if (Boolean.TRUE.equals(task.getVariable("papersReceived"))) {
            // papers that came with the case (a matching assessment): the agenda says they are in
            panels.papersReceived(booking.id(), java.util.Objects.requireNonNullElse(TaskInput.doneBy(task), "carepath"));
        }
    }

    private void onto(org.camunda.bpm.engine.delegate.VariableScope journey, long sittingId, long bookingId,
                      java.time.Instant startsAt, LocalDate papersDeadline, String notice) {
        var variables = new HashMap<String, Object>();
        variables.put("sittingId", sittingId);
        variables.put("bookingId", bookingId);
        variables.put("sittingOn", Date.from(startsAt));
        variables.put("sittingOnText", Timescales.DAY_IN_WORDS.format(timescales.dateOf(startsAt)));
        variables.put("papersDueAt", Date.from(papersDeadline.atTime(12, 0).atZone(timescales.zone()).toInstant()));
        variables.put("panelNotice", notice);
        journey.setVariables(variables);
    }

    /** The administrator deferred the case or moved its sitting: the journey follows the booking. */
    @EventListener
    void on(PanelBookingMoved moved) {
        var variables = new HashMap<String, Object>();
        variables.put("sittingId", moved.toSitting());
        variables.put("bookingId", moved.toBooking());
        variables.put("sittingOn", Date.from(moved.startsAt()));
        variables.put("sittingOnText", Timescales.DAY_IN_WORDS.format(timescales.dateOf(moved.startsAt())));
        variables.put("papersDueAt", Date.from(moved.papersDeadline().atTime(12, 0).atZone(timescales.zone()).toInstant()));
        variables.put("papersReceived", moved.papersReceived());
        variables.put("panelNotice", moved.notice());
        variables.put("deferrals", panels.deferralsOf(moved.childReference()));
        // a journey waits for the move only while it is on the sitting: correlateAll answers none otherwise
        runtime.createMessageCorrelation(BOOKING_MOVED).processInstanceBusinessKey(moved.childReference())
                .processInstanceVariableEquals("bookingId", moved.fromBooking()).setVariables(variables).correlateAll();
    }

    /** The social worker's permanence report: every part of it is needed for the panel to consider the plan. */
    public void papersIn(DelegateTask task) {
        TaskInput.required(task, "permanenceReportWrittenOn", timescales::dateOf, "a date");
        for (var part : List.of("optionsConsidered", "childsWishesAndFeelings", "identityCultureAndContact", "contingencyPlan")) {
            TaskInput.requiredText(task, part);
        }
        panels.papersReceived(TaskInput.id(task, "bookingId"), TaskInput.doneBy(task));
        task.getExecution().setVariable("papersReceived", true);
    }

    /**
     * The panel's recommendation, once a quorate panel has sat: the plan recommended, its contingency and the
     * actions the panel set, each with an owner and a due date. Kept on the booking's outcome.
     */
    public void recommended(DelegateTask task) {
        PanelBooking booking;
        try {
            booking = panels.heard(TaskInput.id(task, "bookingId"));
        } catch (ConflictException e) {
            throw TaskInput.invalid("panelRecommendation", e.getMessage());
        }
        var type = TaskInput.text(task, "recommendedPlanType");
        if (type == null || !PLAN_TYPES.contains(type)) {
            throw TaskInput.invalid("recommendedPlanType", "Record the permanence plan the panel recommended: one of " + PLAN_TYPES);
        }
        var contingency = TaskInput.text(task, "recommendedContingency");
        if (contingency == null) {
            throw TaskInput.invalid("recommendedContingency", "Record the contingency plan the panel recommended");
        }
        var actions = actions(task, booking.sitting().date());
        var outcome = new PanelOutcome(booking, TaskInput.requiredText(task, "panelRecommendation"),
                TaskInput.requiredText(task, "recommendationRationale"), type, contingency, timescales.now(), TaskInput.doneBy(task));
        actions.forEach(a -> outcome.action(a.action(), a.owner(), a.dueOn()));
        outcomes.saveAndFlush(outcome);
        audit.changed(booking.childReference(), "panel recommendation recorded", type + " (sitting " + booking.sitting().id() + ")");
        var plan = type.toLowerCase(java.util.Locale.ROOT).replace('_', ' ').replace("long term", "long-term");
        task.getExecution().setVariables(Map.of("outcomeId", outcome.id(), "recommendationRecordedAt", Date.from(timescales.now()),
                "recommendationInWords", "do-not-recommend".equals(outcome.view().recommendation())
                        ? "did not recommend the plan put to it; the plan it recommended instead is " + plan
                        : "recommended " + plan));
    }

    private List<AgencyDecisionMade.Action> actions(DelegateTask task, LocalDate sat) {
        var actions = new ArrayList<AgencyDecisionMade.Action>();
        for (int i = 1; i <= FORM_ACTIONS; i++) {
            var action = TaskInput.text(task, "action" + i);
            var owner = TaskInput.text(task, "action" + i + "Owner");
            var dueOn = TaskInput.optional(task, "action" + i + "DueOn", timescales::dateOf, "a date");
            if (action == null && owner == null && dueOn == null) {
                continue;
            }
            if (action == null) {
                throw TaskInput.invalid("action" + i, "Say what the panel asked to be done (action" + i + ")");
            }
            if (owner == null) {
                throw TaskInput.invalid("action" + i + "Owner", "Say who will do it (action" + i + "Owner)");
            }
            if (dueOn == null) {
                throw TaskInput.invalid("action" + i + "DueOn", "Say by when (action" + i + "DueOn)");
            }
            if (dueOn.isBefore(sat)) {
                throw TaskInput.invalid("action" + i + "DueOn", "The date an action is due (" + dueOn
                        + ") must not be before the panel sat (" + sat + ")");
            }
            if (identity.createUserQuery().userId(owner).count() == 0
                    || Viewer.of(identity, owner).firstOf(Groups.ACTION_OWNERS).isEmpty()) {
                throw TaskInput.invalid("action" + i + "Owner", "'" + owner + "' is not a social worker, manager, IRO or solicitor");
            }
            actions.add(new AgencyDecisionMade.Action(action, owner, dueOn));
        }
        return actions;
    }

    /**
     * The agency decision. Accepted or not, it goes on the outcome and the child's record and the panel's actions
     * become the child's tracked tasks; accepted, the recommended plan is ratified. Asked for more, the case
     * goes back to be booked again and no action starts yet.
     */
    public void decided(DelegateTask task) {
        var answer = TaskInput.text(task, "agencyDecision");
        var decision = answer == null ? null : DECISIONS.get(answer);
        if (decision == null) {
            throw TaskInput.invalid("agencyDecision", "Record whether the panel's recommendation is accepted, or what more is needed");
        }
        var outcome = outcomes.findById(TaskInput.id(task, "outcomeId")).orElseThrow();
        outcome.decided(decision, TaskInput.requiredText(task, "agencyDecisionRationale"), timescales.now(), TaskInput.doneBy(task));
        audit.changed(outcome.booking().childReference(), "agency decision made", decision.name());
        if (decision != PanelOutcome.AgencyDecision.MORE_INFORMATION) {
            var view = outcome.view();
            events.publishEvent(new AgencyDecisionMade(outcome.booking().childReference(), view.panelType(),
                    decision == PanelOutcome.AgencyDecision.ACCEPTED,
                    view.recommendedPlanType(), view.recommendedContingency(), timescales.today(),
                    "Agency decision after the " + view.panelType().toLowerCase(java.util.Locale.ROOT) + " panel of "
                            + Timescales.DAY_IN_WORDS.format(view.sittingDate()) + " (sitting " + view.sittingId() + ")",
                    outcome.actions().stream().map(a -> new AgencyDecisionMade.Action(a.action(), a.owner(), a.dueOn())).toList()));
        }
    }

    /** The panel a journey goes to: a permanence panel unless the journey that called it says (a matching panel). */
    private static PanelType panelType(DelegateTask task) {
        var type = task.getVariable("panelType");
        return type == null ? PanelType.PERMANENCE : PanelType.valueOf(type.toString());
    }

    /** The panel's part of a child's record. */
    @Transactional(readOnly = true)
    PanelViews.ChildPanels of(String childReference) {
        return new PanelViews.ChildPanels(panels.deferralsOf(childReference), panels.bookingsOf(childReference),
                outcomes.findByChildReferenceOrderByIdAsc(childReference).stream().map(PanelOutcome::view).toList());
    }
}
