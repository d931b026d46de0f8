package org.carepath.panel;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import jakarta.validation.Validator;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.Variables;
import org.carepath.audit.Audit;
import org.carepath.child.Children;
import org.carepath.child.Journeys;
import org.carepath.engine.TaskInput;
import org.carepath.timescale.Timescales;
import org.carepath.web.ConflictException;
import org.carepath.web.FieldProblems;
import org.carepath.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The permanence panel journey ({@code permanence-panel.bpmn}, bean {@code permanencePanels}): a request for
 * panel, the child booked onto a sitting through {@link Panels}, the panel's recommendation recorded on the
 * day of the sitting and the agency decision on its own clock. An accepted recommendation publishes
 * {@link PermanencePlanAgreed}, which ratifies the plan on the child's period in care.
 */
@Component("permanencePanels")
@Transactional
public class PermanencePanels {

    static final String PROCESS = "permanence-panel";
    static final List<String> PLAN_TYPES = List.of("RETURN_HOME", "LONG_TERM_FOSTERING", "SPECIAL_GUARDIANSHIP",
            "CHILD_ARRANGEMENTS_ORDER", "ADOPTION", "KINSHIP", "RESIDENTIAL_OR_OTHER");

    private final Panels panels;
    private final Children children;
    private final Journeys journeys;
    private final Timescales timescales;
    private final ApplicationEventPublisher events;
    private final Audit audit;
    private final Validator validator;

    PermanencePanels(Panels panels, Children children, Journeys journeys, Timescales timescales,
                     ApplicationEventPublisher events, Audit audit, Validator validator) {
        this.validator = validator;
        this.panels = panels;
        this.children = children;
        this.journeys = journeys;
        this.timescales = timescales;
        this.events = events;
        this.audit = audit;
    }

    /** A team manager asks for panel: the journey starts, with the administrator's booking task. */
    PanelViews.Request request(String childReference, PanelInput.Request input, String requestedBy) {
        var problems = FieldProblems.of(validator, input);
        problems.throwIfAny();
        children.require(childReference);
        var status = children.legalStatus(childReference);
        if (!status.isLookedAfter()) {
            throw new org.carepath.web.ConflictException(childReference + " is not looked after (" + status
                    + "): a permanence panel considers the plan of a child in care");
        }
        var reason = input.reason().strip();
        var instance = journeys.start(PROCESS, childReference, Variables.createVariables()
                .putValue("panelReason", reason)
                .putValue("panelRequestedBy", requestedBy)
                .putValue("panelRequestedAt", Date.from(timescales.now())));
        audit.changed(childReference, "permanence panel requested", reason);
        return new PanelViews.Request(childReference, reason, requestedBy, instance.getId());
    }

    /** The booking task offers the next permanence sitting with a free place whose papers deadline can be met. */
    public void propose(DelegateTask task) {
        try {
            var proposed = panels.proposed(PanelType.PERMANENCE.name());
            // on the journey, not the task: the administrator's answer on completion replaces it
            task.getExecution().setVariable("sittingId", proposed.id());
            task.setVariableLocal("proposedSitting", proposed.day() + " (sitting " + proposed.id() + ", papers due by "
                    + proposed.papersDeadline() + ", " + proposed.freePlaces() + " free)");
        } catch (NotFoundException e) {
            task.setVariableLocal("proposedSitting", e.getMessage());
        }
    }

    /** Books the child onto the sitting chosen; a full sitting, or one past its papers deadline, is refused on the field. */
    public void book(DelegateTask task) {
        long sittingId = TaskInput.required(task, "sittingId", value -> Long.parseLong(value.toString().strip()), "a sitting's number");
        PanelViews.Booking booking;
        try {
            booking = panels.book(sittingId, new PanelInput.Booking(task.getExecution().getProcessBusinessKey(),
                    task.getVariable("panelReason").toString(), null));
        } catch (ConflictException | NotFoundException e) {
            throw TaskInput.invalid("sittingId", e.getMessage());
        }
        var sitting = panels.sitting(booking.sittingId());
        var startsAt = ZonedDateTime.of(sitting.date(), sitting.time(), timescales.zone());
        task.getExecution().setVariables(Map.of("sittingId", booking.sittingId(), "bookingId", booking.id(),
                "sittingOn", Date.from(startsAt.toInstant())));
    }

    /** The panel's recommendation: the plan recommended, one CarePath knows, and its contingency. */
    public void recommended(DelegateTask task) {
        var type = TaskInput.text(task, "recommendedPlanType");
        if (type == null || !PLAN_TYPES.contains(type)) {
            throw TaskInput.invalid("recommendedPlanType", "Record the permanence plan the panel recommended: one of " + PLAN_TYPES);
        }
        if (TaskInput.text(task, "recommendedContingency") == null) {
            throw TaskInput.invalid("recommendedContingency", "Record the contingency plan the panel recommended");
        }
        task.getExecution().setVariable("recommendationRecordedAt", Date.from(timescales.now()));
    }

    /** The agency decision: accepted, the recommended plan is the child's permanence plan from today. */
    public void decided(DelegateTask task) {
        var decision = TaskInput.text(task, "agencyDecision");
        if (!List.of("accept", "not-accepted", "more-information").contains(decision)) {
            throw TaskInput.invalid("agencyDecision", "Record whether the panel's recommendation is accepted, or what more is needed");
        }
        if ("accept".equals(decision)) {
            events.publishEvent(new PermanencePlanAgreed(task.getExecution().getProcessBusinessKey(),
                    TaskInput.text(task, "recommendedPlanType"), TaskInput.text(task, "recommendedContingency"),
                    timescales.today(), "Agency decision after panel sitting " + task.getVariable("sittingId")
                    + " (booking " + task.getVariable("bookingId") + ")"));
        }
    }
}
