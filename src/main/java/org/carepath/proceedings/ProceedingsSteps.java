package org.carepath.proceedings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.carepath.engine.TaskInput;
import org.carepath.timescale.Timescales;
import org.carepath.web.InvalidRequestException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of {@code care-proceedings.bpmn} and {@code court-direction.bpmn} (bean {@code proceedings}):
 * each records on the case what its task's form says, e.g.
 * {@code <camunda:taskListener event="complete" expression="${proceedings.issued(task)}"/>}.
 * A date that comes before a step the case has already taken is refused as the task's input.
 */
@Component("proceedings")
@Transactional
public class ProceedingsSteps {

    /** Set when the API recorded the hearing and then completed its task: nothing more to record. */
    static final String RECORDED_THROUGH_API = "hearingRecordedThroughApi";
    /** Rows of directions the hearing form offers; more go through the API. */
    static final int FORM_DIRECTIONS = 4;

    private final ProceedingsRepository cases;
    private final CourtDirectionRepository directions;
    private final Proceedings careProceedings;
    private final ProceedingsChecks checks;
    private final Timescales timescales;

    ProceedingsSteps(ProceedingsRepository cases, CourtDirectionRepository directions, Proceedings proceedings,
                     ProceedingsChecks checks, Timescales timescales) {
        this.cases = cases;
        this.directions = directions;
        this.careProceedings = proceedings;
        this.checks = checks;
        this.timescales = timescales;
    }

    public void legalPlanningMeetingHeld(DelegateTask task) {
        var proceedings = of(task);
        proceedings.legalPlanningMeetingHeld(inOrder(proceedings, task, "legalPlanningMeetingHeldOn"),
                "yes".equals(task.getVariable("thresholdMet")), TaskInput.text(task, "legalDecision"));
    }

    public void letterSent(DelegateTask task) {
        var proceedings = of(task);
        proceedings.letterSent(inOrder(proceedings, task, "letterSentOn"));
    }

    public void preProceedingsMeetingHeld(DelegateTask task) {
        var proceedings = of(task);
        proceedings.preProceedingsMeetingHeld(inOrder(proceedings, task, "preProceedingsMeetingHeldOn"));
    }

    /** The application is issued: day 1 of the 26 weeks. */
    public void issued(DelegateTask task) {
        var proceedings = of(task);
        var issuedOn = inOrder(proceedings, task, "proceedingsIssuedOn");
        proceedings.issued(issuedOn, TaskInput.text(task, "court"), TaskInput.text(task, "caseNumber"),
                timescales.dueDate(Proceedings.CLOCK, issuedOn));
        task.setVariable("proceedingsIssuedOn", issuedOn.toString());
    }

    /** No legal action, or stepped down from pre-proceedings. */
    public void ended(DelegateExecution execution, String status) {
        cases.findById(TaskInput.id(execution, "proceedingsId")).orElseThrow()
                .ended(ProceedingsStatus.valueOf(status), timescales.today());
    }

    /**
     * A hearing task completed in the Tasklist: records the hearing from its form. When the hearing was
     * recorded through the API, which then completed the task, there is nothing more to record.
     */
    public void hearingRecorded(DelegateTask task, String type) {
        if (task.getVariable(RECORDED_THROUGH_API) != null) {
            task.getExecution().removeVariable(RECORDED_THROUGH_API);
            return;
        }
        var input = HearingType.valueOf(type) == HearingType.FINAL ? finalHearingForm(task) : hearingForm(task, type);
        try {
            careProceedings.record(of(task), input, TaskInput.doneBy(task));
        } catch (InvalidRequestException e) {
            throw TaskInput.invalid(e.problems().get(0).field(), e.getMessage());
        }
    }

    /** The owner of a court direction has done what the court directed. */
    public void directionComplied(DelegateTask task) {
        directions.findById(TaskInput.id(task, "directionId")).orElseThrow()
                .complied(date(task, "directionCompliedOn"), TaskInput.text(task, "complianceNote"));
    }

    // ------------------------------------------------------------------ the hearing forms

    private HearingInput hearingForm(DelegateTask task, String type) {
        var heldOn = optionalDate(task, "hearingHeldOn");
        var orders = new ArrayList<HearingInput.OrderInput>();
        if (Boolean.TRUE.equals(task.getVariable("interimCareOrderMade"))) {
            orders.add(new HearingInput.OrderInput(OrderType.INTERIM_CARE_ORDER.name(), heldOn));
        }
        var weeks = TaskInput.wholeNumber(task, "extensionWeeks");
        var extension = weeks == null || weeks == 0 ? null
                : new HearingInput.ExtensionInput(weeks, TaskInput.text(task, "extensionReason"), heldOn);
        var directions = new ArrayList<HearingInput.DirectionInput>();
        for (int i = 1; i <= FORM_DIRECTIONS; i++) {
            var direction = new HearingInput.DirectionInput(TaskInput.text(task, "direction" + i),
                    TaskInput.text(task, "direction" + i + "Owner"), optionalDate(task, "direction" + i + "DueOn"));
            if (direction.direction() != null || direction.owner() != null || direction.dueOn() != null) {
                directions.add(direction);
            }
        }
        return new HearingInput(type, heldOn, TaskInput.text(task, "hearingOutcome"), optionalDate(task, "nextHearingOn"),
                TaskInput.text(task, "nextHearingType"), orders, directions, extension);
    }

    private HearingInput finalHearingForm(DelegateTask task) {
        var heldOn = optionalDate(task, "finalHearingHeldOn");
        var order = TaskInput.optional(task, "finalOrder", value -> OrderType.fromFormValue(value.toString().strip()).name(),
                "one of the orders a final hearing makes");
        var orders = order == null ? List.<HearingInput.OrderInput>of() : List.of(new HearingInput.OrderInput(order, heldOn));
        return new HearingInput(HearingType.FINAL.name(), heldOn, TaskInput.text(task, "finalHearingOutcome"),
                null, null, orders, List.of(), null);
    }

    // ------------------------------------------------------------------ reading the task

    private LocalDate inOrder(CareProceedings proceedings, DelegateTask task, String variable) {
        return checks.inOrder(proceedings, variable, date(task, variable));
    }

    private LocalDate date(DelegateTask task, String variable) {
        return TaskInput.required(task, variable, timescales::dateOf, "a date");
    }

    /** A date from a form as the request records write it (ISO 8601), or null when not given. */
    private String optionalDate(DelegateTask task, String variable) {
        var date = TaskInput.optional(task, variable, timescales::dateOf, "a date");
        return date == null ? null : date.toString();
    }

    private CareProceedings of(DelegateTask task) {
        return cases.findById(TaskInput.id(task, "proceedingsId")).orElseThrow();
    }
}
