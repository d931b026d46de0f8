package org.carepath.proceedings;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.Variables;
import org.carepath.audit.Audit;
import org.carepath.child.ChildNotFoundException;
import org.carepath.child.Children;
import org.carepath.drift.DeadlineStatus;
import org.carepath.drift.DeadlineView;
import org.carepath.drift.Deadlines;
import org.carepath.engine.TaskInput;
import org.carepath.identity.Groups;
import org.carepath.identity.Viewer;
import org.carepath.timescale.Timescales;
import org.carepath.web.ConflictException;
import org.carepath.web.InvalidRequestException;
import org.carepath.web.InvalidRequestException.FieldProblem;
import org.carepath.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Care proceedings: the API's operations and the steps of {@code care-proceedings.bpmn} and
 * {@code court-direction.bpmn} (bean {@code proceedings}). Hearings, directions and extensions are
 * checked in full before anything is written.
 */
@Component("proceedings")
@Transactional
public class Proceedings {

    static final String PROCESS = "care-proceedings";
    static final String DIRECTION_PROCESS = "court-direction";
    static final String CLOCK = "CARE_PROCEEDINGS";
    static final String ISSUES_RESOLUTION_HEARING = "ISSUES_RESOLUTION_HEARING";
    /**
     * The roles that own court directions, in the order a direction's task is offered to them: the owner's
     * task is also offered to the first of these groups they belong to (in the child's team, for a
     * team-scoped role), so every task has a candidate group. The hearing form offers their members.
     */
    static final List<String> DIRECTION_OWNER_GROUPS = List.of(Groups.PRACTITIONER, Groups.TEAM_MANAGER, Groups.LEGAL);
    /** Rows of directions the hearing form offers; more go through the API. */
    static final int FORM_DIRECTIONS = 4;

    private final ProceedingsRepository cases;
    private final HearingRepository hearings;
    private final CourtDirectionRepository directions;
    private final Children children;
    private final Deadlines deadlines;
    private final Timescales timescales;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identity;
    private final ApplicationEventPublisher events;
    private final Audit audit;

    Proceedings(ProceedingsRepository cases, HearingRepository hearings, CourtDirectionRepository directions, Children children,
                Deadlines deadlines, Timescales timescales, RuntimeService runtime, TaskService tasks, IdentityService identity,
                ApplicationEventPublisher events, Audit audit) {
        this.cases = cases;
        this.hearings = hearings;
        this.directions = directions;
        this.children = children;
        this.deadlines = deadlines;
        this.timescales = timescales;
        this.runtime = runtime;
        this.tasks = tasks;
        this.identity = identity;
        this.events = events;
        this.audit = audit;
    }

    // ------------------------------------------------------------------ starting

    /** A team manager asks for a legal planning meeting about a child: the journey starts. */
    public ProceedingsView request(String childReference, String reason, String requestedBy) {
        var child = children.get(childReference);
        cases.findLiveFor(childReference).ifPresent(live -> {
            throw new ConflictException("Care proceedings " + live.id() + " for " + childReference + " are already under way");
        });
        var proceedings = cases.save(new CareProceedings(childReference, reason.strip(), requestedBy, timescales.now()));
        var instance = runtime.createProcessInstanceByKey(PROCESS).businessKey(childReference)
                .setVariables(Variables.createVariables()
                        .putValue("childRef", childReference)
                        .putValue("childName", child.name())
                        .putValue("proceedingsId", proceedings.id())
                        .putValue("legalPlanningRequestedAt", java.util.Date.from(timescales.now())))
                .execute();
        proceedings.startedAs(instance.getId());
        audit.changed(childReference, "care proceedings requested", reason.strip());
        return view(proceedings);
    }

    /** An assessment or child protection conference asked for a legal planning meeting. */
    @org.springframework.context.event.EventListener
    void onReferralJourneyEnded(org.carepath.referral.ReferralJourneyEnded ended) {
        if (ended.legalPlanningRequested()) {
            var reason = ended.legalPlanningReason() == null || ended.legalPlanningReason().isBlank()
                    ? "Asked for when the referral journey ended (" + ended.outcome() + ")" : ended.legalPlanningReason();
            request(ended.childReference(), reason, ended.requestedBy());
        }
    }

    // ------------------------------------------------------------------ steps of the process

    public void legalPlanningMeetingHeld(DelegateTask task) {
        var proceedings = of(task);
        proceedings.legalPlanningMeetingHeld(date(task, "legalPlanningMeetingHeldOn"),
                "yes".equals(task.getVariable("thresholdMet")), (String) task.getVariable("legalDecision"));
    }

    public void letterSent(DelegateTask task) {
        of(task).letterSent(date(task, "letterSentOn"));
    }

    public void preProceedingsMeetingHeld(DelegateTask task) {
        of(task).preProceedingsMeetingHeld(date(task, "preProceedingsMeetingHeldOn"));
    }

    /** The application is issued: day 1 of the 26 weeks. */
    public void issued(DelegateTask task) {
        var proceedings = of(task);
        var issuedOn = date(task, "proceedingsIssuedOn");
        proceedings.issued(issuedOn, text(task, "court"), text(task, "caseNumber"), timescales.dueDate(CLOCK, issuedOn));
        task.setVariable("proceedingsIssuedOn", issuedOn.toString());
    }

    /** No legal action, or stepped down from pre-proceedings. */
    public void ended(DelegateExecution execution, String status) {
        var proceedings = cases.findById(((Number) execution.getVariable("proceedingsId")).longValue()).orElseThrow();
        proceedings.ended(ProceedingsStatus.valueOf(status), timescales.today());
    }

    /**
     * A hearing task completed in the Tasklist: records the hearing from its form. When the hearing was
     * recorded through the API, which then completed the task, there is nothing more to record.
     */
    public void hearingRecorded(DelegateTask task, String type) {
        if (task.getVariable("hearingRecordedThroughApi") != null) {
            task.getExecution().removeVariable("hearingRecordedThroughApi");
            return;
        }
        var input = HearingType.valueOf(type) == HearingType.FINAL ? finalHearingForm(task) : hearingForm(task, type);
        try {
            record(of(task), input, authenticated(task));
        } catch (InvalidRequestException e) {
            var first = e.problems().get(0);
            throw TaskInput.invalid(first.field(), e.getMessage());
        }
    }

    /** The owner of a court direction has done what the court directed. */
    public void directionComplied(DelegateTask task) {
        var direction = directions.findById(((Number) task.getVariable("directionId")).longValue()).orElseThrow();
        var note = task.getVariable("complianceNote");
        direction.complied(date(task, "directionCompliedOn"), note == null ? null : note.toString().strip());
    }

    // ------------------------------------------------------------------ the API

    public ProceedingsView recordHearing(long id, HearingInput input, String recordedBy) {
        var proceedings = find(id);
        var type = parseType(input.type());
        var waiting = type == null || type.task() == null ? null : tasks.createTaskQuery()
                .processInstanceId(proceedings.processInstanceId()).taskDefinitionKey(type.task()).singleResult();
        if (type == HearingType.FINAL && waiting == null && proceedings.status() == ProceedingsStatus.ISSUED) {
            throw new ConflictException("These proceedings are not at their final hearing yet: record the issues resolution hearing first");
        }
        record(proceedings, input, recordedBy);
        if (waiting != null) {
            var variables = Variables.createVariables().putValue("hearingRecordedThroughApi", true);
            if (type == HearingType.FINAL) {
                variables.putValue("finalOrder", proceedings.view(timescales.today(), null).finalOrder().formValue());
            }
            tasks.complete(waiting.getId(), variables);
        }
        return view(proceedings);
    }

    public ProceedingsView giveDirection(long id, HearingInput.DirectionInput input, String givenOn, String recordedBy) {
        var proceedings = find(id);
        requireIssued(proceedings);
        var problems = new ArrayList<FieldProblem>();
        var given = givenOn == null ? timescales.today() : parseDate(givenOn, "givenOn", problems);
        if (given != null) {
            notBefore(given, proceedings.issuedOn(), "givenOn", "the day the application was issued", problems);
            notInFuture(given, "givenOn", problems);
        }
        var direction = checkDirection(input, given, "", problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        direct(proceedings, null, direction, given);
        audit.changed(proceedings.childReference(), "court direction", direction.direction());
        return view(proceedings);
    }

    public ProceedingsView extend(long id, HearingInput.ExtensionInput input, String recordedBy) {
        var proceedings = find(id);
        requireIssued(proceedings);
        var problems = new ArrayList<FieldProblem>();
        var extension = checkExtension(proceedings, input, "", problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        applyExtension(proceedings, extension, recordedBy);
        audit.changed(proceedings.childReference(), "extension of the 26 weeks", extension.weeks() + " weeks: " + extension.reason());
        return view(proceedings);
    }

    @Transactional(readOnly = true)
    public ProceedingsView get(long id) {
        return view(find(id));
    }

    @Transactional(readOnly = true)
    public List<ProceedingsView> forChild(String childReference) {
        if (!children.exists(childReference)) {
            throw new ChildNotFoundException(childReference);
        }
        return cases.findByChildReferenceOrderByRequestedAtDesc(childReference).stream().map(this::view).toList();
    }

    /** Every case still under way, soonest deadline first, with its week of 26 and its risk. */
    @Transactional(readOnly = true)
    public List<ProceedingsView> live() {
        return cases.findLive().stream().map(this::view).toList();
    }

    // ------------------------------------------------------------------ recording a hearing

    private record CheckedDirection(String direction, String owner, String ownerGroup, LocalDate dueOn) {
    }

    private record CheckedExtension(int weeks, String reason, LocalDate grantedOn) {
    }

    /** Checks everything, then writes: a bad field leaves nothing half-written. */
    private void record(CareProceedings proceedings, HearingInput input, String recordedBy) {
        requireIssued(proceedings);
        var problems = new ArrayList<FieldProblem>();
        var type = parseEnum(input.type(), HearingType.class, "type", true, problems);
        var heldOn = parseDate(input.heldOn(), "heldOn", problems);
        if (heldOn != null) {
            notBefore(heldOn, proceedings.issuedOn(), "heldOn", "the day the application was issued (" + proceedings.issuedOn() + ")", problems);
            notInFuture(heldOn, "heldOn", problems);
        }
        if (input.outcome() == null || input.outcome().isBlank()) {
            problems.add(new FieldProblem("outcome", "is required: what the court decided"));
        }
        LocalDate next = null;
        if (input.nextHearingOn() != null && !input.nextHearingOn().isBlank()) {
            next = parseDate(input.nextHearingOn(), "nextHearingOn", problems);
            if (next != null && heldOn != null && !next.isAfter(heldOn)) {
                problems.add(new FieldProblem("nextHearingOn", "must be after the hearing (" + heldOn + ")"));
            }
        }
        var nextType = parseEnum(input.nextHearingType(), HearingType.class, "nextHearingType", false, problems);
        var orders = new ArrayList<CourtOrderInput>();
        var orderInputs = input.orders() == null ? List.<HearingInput.OrderInput>of() : input.orders();
        for (int i = 0; i < orderInputs.size(); i++) {
            var field = "orders[" + i + "]";
            var order = orderInputs.get(i);
            var orderType = parseEnum(order == null ? null : order.type(), OrderType.class, field + ".type", true, problems);
            var madeOn = order == null || order.madeOn() == null ? heldOn : parseDate(order.madeOn(), field + ".madeOn", problems);
            if (orderType == OrderType.DISCHARGE_OF_CARE_ORDER) {
                problems.add(new FieldProblem(field + ".type", "a care order is discharged through the revocation pathway"));
            } else if (orderType != null && orderType.isFinal() && type != null && type != HearingType.FINAL) {
                problems.add(new FieldProblem(field + ".type", orderType + " is a final order: record it at the final hearing"));
            }
            if (orderType != null && madeOn != null) {
                orders.add(new CourtOrderInput(orderType, madeOn));
            }
        }
        if (type == HearingType.FINAL && orders.stream().filter(o -> o.type().isFinal()).count() != 1) {
            problems.add(new FieldProblem("orders", "the final hearing records exactly one final order (or NO_ORDER)"));
        }
        var checkedDirections = new ArrayList<CheckedDirection>();
        var directionInputs = input.directions() == null ? List.<HearingInput.DirectionInput>of() : input.directions();
        for (int i = 0; i < directionInputs.size(); i++) {
            var checked = checkDirection(directionInputs.get(i), heldOn, "directions[" + i + "].", problems);
            if (checked != null) {
                checkedDirections.add(checked);
            }
        }
        var extension = input.extension() == null ? null : checkExtension(proceedings, input.extension(), "extension.", problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }

        var hearing = hearings.save(new Hearing(proceedings, type, heldOn, input.outcome().strip(), next, nextType, recordedBy, timescales.now()));
        proceedings.heard(hearing);
        audit.changed(proceedings.childReference(), "hearing: " + type, heldOn + ": " + orders.size() + " orders, "
                + checkedDirections.size() + " directions" + (extension == null ? "" : ", extension of " + extension.weeks() + " weeks"));
        for (var order : orders) {
            makeOrder(proceedings, hearing, order.type(), order.madeOn());
        }
        for (var direction : checkedDirections) {
            direct(proceedings, hearing, direction, heldOn);
        }
        if (extension != null) {
            applyExtension(proceedings, extension, recordedBy);
        }
        if (proceedings.status() == ProceedingsStatus.CONCLUDED) {
            withdrawOpenDirections(proceedings);
        }
    }

    private record CourtOrderInput(OrderType type, LocalDate madeOn) {
    }

    private void makeOrder(CareProceedings proceedings, Hearing hearing, OrderType type, LocalDate madeOn) {
        proceedings.ordered(new CourtOrder(proceedings, hearing, proceedings.childReference(), type, madeOn, timescales.now()));
        children.changeLegalStatus(proceedings.childReference(), type.legalStatus(), madeOn,
                type.label() + " made on " + madeOn + (hearing == null ? "" : " (care proceedings " + proceedings.id() + ")"));
        if (type == OrderType.PLACEMENT_ORDER) {
            events.publishEvent(new PlacementOrderMade(proceedings.childReference(), proceedings.id(), madeOn));
        }
    }

    private void direct(CareProceedings proceedings, Hearing hearing, CheckedDirection checked, LocalDate givenOn) {
        var direction = directions.save(new CourtDirection(proceedings, hearing, checked.direction(), checked.owner(), givenOn, checked.dueOn()));
        proceedings.directed(direction);
        var instance = runtime.createProcessInstanceByKey(DIRECTION_PROCESS).businessKey(proceedings.childReference())
                .setVariables(Variables.createVariables()
                        .putValue("childRef", proceedings.childReference())
                        .putValue("childName", children.get(proceedings.childReference()).name())
                        .putValue("proceedingsId", proceedings.id())
                        .putValue("directionId", direction.id())
                        .putValue("direction", checked.direction())
                        .putValue("directionOwner", checked.owner())
                        .putValue("directionOwnerGroup", checked.ownerGroup())
                        .putValue("directionDueOn", checked.dueOn().toString()))
                .execute();
        direction.trackedBy(instance.getId());
    }

    private void applyExtension(CareProceedings proceedings, CheckedExtension extension, String recordedBy) {
        var previous = proceedings.currentDeadline();
        var extended = deadlines.extend(proceedings.processInstanceId(), CLOCK, extension.weeks(), extension.reason(),
                extension.grantedOn(), recordedBy);
        proceedings.extended(new ProceedingsExtension(proceedings, extension.weeks(), extension.reason(), extension.grantedOn(),
                previous, extended, recordedBy, timescales.now()), extended);
    }

    private void withdrawOpenDirections(CareProceedings proceedings) {
        for (var direction : proceedings.directions()) {
            if (direction.open()) {
                direction.withdrawn();
                if (direction.processInstanceId() != null
                        && runtime.createProcessInstanceQuery().processInstanceId(direction.processInstanceId()).count() > 0) {
                    runtime.deleteProcessInstance(direction.processInstanceId(), "Care proceedings concluded: direction withdrawn");
                }
            }
        }
    }

    // ------------------------------------------------------------------ checks

    private CheckedDirection checkDirection(HearingInput.DirectionInput input, LocalDate givenOn, String prefix, List<FieldProblem> problems) {
        if (input == null) {
            problems.add(new FieldProblem(prefix.isEmpty() ? "direction" : prefix.substring(0, prefix.length() - 1), "is required"));
            return null;
        }
        int before = problems.size();
        if (input.direction() == null || input.direction().isBlank()) {
            problems.add(new FieldProblem(prefix + "direction", "is required: what the court directed"));
        }
        String ownerGroup = null;
        if (input.owner() == null || input.owner().isBlank()) {
            problems.add(new FieldProblem(prefix + "owner", "is required: who in the council must do it"));
        } else if (identity.createUserQuery().userId(input.owner()).count() == 0) {
            problems.add(new FieldProblem(prefix + "owner", "'" + input.owner() + "' is not a CarePath user"));
        } else {
            ownerGroup = Viewer.of(identity, input.owner()).firstOf(DIRECTION_OWNER_GROUPS).orElse(null);
            if (ownerGroup == null) {
                problems.add(new FieldProblem(prefix + "owner", "'" + input.owner() + "' is not a social worker, team manager or"
                        + " local authority solicitor (" + String.join(", ", DIRECTION_OWNER_GROUPS) + ")"));
            }
        }
        var due = parseDate(input.dueOn(), prefix + "dueOn", problems);
        if (due != null && givenOn != null && due.isBefore(givenOn)) {
            problems.add(new FieldProblem(prefix + "dueOn", "must not be before the direction was given (" + givenOn + ")"));
        }
        return problems.size() == before ? new CheckedDirection(input.direction().strip(), input.owner(), ownerGroup, due) : null;
    }

    private CheckedExtension checkExtension(CareProceedings proceedings, HearingInput.ExtensionInput input, String prefix,
                                            List<FieldProblem> problems) {
        int before = problems.size();
        int ceiling = timescales.timescale("PROCEEDINGS_EXTENSION").amount();
        if (input.weeks() == null) {
            problems.add(new FieldProblem(prefix + "weeks", "is required"));
        } else if (input.weeks() < 1 || input.weeks() > ceiling) {
            problems.add(new FieldProblem(prefix + "weeks", "must be between 1 and " + ceiling
                    + ": an extension is at most " + ceiling + " weeks at a time (Children Act 1989 s.32(8))"));
        }
        if (input.reason() == null || input.reason().isBlank()) {
            problems.add(new FieldProblem(prefix + "reason", "is required: why the court extended the time limit"));
        }
        var granted = input.grantedOn() == null ? timescales.today() : parseDate(input.grantedOn(), prefix + "grantedOn", problems);
        if (granted != null) {
            notBefore(granted, proceedings.issuedOn(), prefix + "grantedOn", "the day the application was issued", problems);
            notInFuture(granted, prefix + "grantedOn", problems);
        }
        return problems.size() == before ? new CheckedExtension(input.weeks(), input.reason().strip(), granted) : null;
    }

    private void requireIssued(CareProceedings proceedings) {
        if (proceedings.status() != ProceedingsStatus.ISSUED) {
            throw new ConflictException("Care proceedings " + proceedings.id() + " are " + proceedings.status()
                    + ": hearings, directions and extensions are recorded once the application is issued and until the final order");
        }
    }

    private LocalDate parseDate(String value, String field, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is required"));
            return null;
        }
        try {
            return LocalDate.parse(value.strip().length() > 10 ? value.strip().substring(0, 10) : value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be a date, e.g. 2026-04-02"));
            return null;
        }
    }

    private <E extends Enum<E>> E parseEnum(String value, Class<E> type, String field, boolean required, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(new FieldProblem(field, "is required"));
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "'" + value + "' is not one of "
                    + String.join(", ", Stream.of(type.getEnumConstants()).map(Enum::name).toList())));
            return null;
        }
    }

    private HearingType parseType(String value) {
        try {
            return value == null ? null : HearingType.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void notBefore(LocalDate date, LocalDate limit, String field, String what, List<FieldProblem> problems) {
        if (limit != null && date.isBefore(limit)) {
            problems.add(new FieldProblem(field, "must not be before " + what));
        }
    }

    private void notInFuture(LocalDate date, String field, List<FieldProblem> problems) {
        if (date.isAfter(timescales.today())) {
            problems.add(new FieldProblem(field, "must not be in the future"));
        }
    }

    // ------------------------------------------------------------------ forms

    private HearingInput hearingForm(DelegateTask task, String type) {
        var orders = new ArrayList<HearingInput.OrderInput>();
        if (Boolean.TRUE.equals(task.getVariable("interimCareOrderMade"))) {
            orders.add(new HearingInput.OrderInput(OrderType.INTERIM_CARE_ORDER.name(), text(task, "hearingHeldOn")));
        }
        HearingInput.ExtensionInput extension = null;
        var weeks = task.getVariable("extensionWeeks");
        if (weeks instanceof Number number && number.intValue() != 0) {
            extension = new HearingInput.ExtensionInput(number.intValue(), text(task, "extensionReason"), text(task, "hearingHeldOn"));
        }
        var directions = new ArrayList<HearingInput.DirectionInput>();
        for (int i = 1; i <= FORM_DIRECTIONS; i++) {
            var direction = new HearingInput.DirectionInput(text(task, "direction" + i), text(task, "direction" + i + "Owner"),
                    text(task, "direction" + i + "DueOn"));
            if (direction.direction() != null || direction.owner() != null || direction.dueOn() != null) {
                directions.add(direction);
            }
        }
        return new HearingInput(type, text(task, "hearingHeldOn"), text(task, "hearingOutcome"), text(task, "nextHearingOn"),
                text(task, "nextHearingType"), orders, directions, extension);
    }

    private HearingInput finalHearingForm(DelegateTask task) {
        var order = text(task, "finalOrder");
        var orders = order == null ? List.<HearingInput.OrderInput>of()
                : List.of(new HearingInput.OrderInput(order, text(task, "finalHearingHeldOn")));
        return new HearingInput(HearingType.FINAL.name(), text(task, "finalHearingHeldOn"), text(task, "finalHearingOutcome"),
                null, null, orders, List.of(), null);
    }

    // ------------------------------------------------------------------ helpers

    private ProceedingsView view(CareProceedings proceedings) {
        var today = timescales.today();
        return proceedings.view(today, risk(proceedings, today));
    }

    private Risk risk(CareProceedings proceedings, LocalDate today) {
        if (!proceedings.status().live()) {
            return null;
        }
        var open = new ArrayList<DeadlineView>(deadlines.openForProcess(proceedings.processInstanceId()));
        proceedings.directions().stream().filter(CourtDirection::open).map(CourtDirection::processInstanceId)
                .filter(Objects::nonNull).forEach(pid -> open.addAll(deadlines.openForProcess(pid)));
        if (proceedings.status() == ProceedingsStatus.ISSUED) {
            if (today.isAfter(proceedings.currentDeadline())) {
                return Risk.RED;
            }
            if (!proceedings.issuesResolutionHearingListed()) {
                // when the issues resolution hearing should be, from the catalogue (a council may set its own)
                if (today.isAfter(timescales.dueDate(ISSUES_RESOLUTION_HEARING, proceedings.issuedOn()))) {
                    return Risk.RED;
                }
                if (!today.isBefore(timescales.warningDate(ISSUES_RESOLUTION_HEARING, proceedings.issuedOn()))) {
                    return Risk.AMBER;
                }
            }
        }
        if (open.stream().anyMatch(d -> d.status() == DeadlineStatus.OVERDUE)) {
            return Risk.RED;
        }
        if (open.stream().anyMatch(d -> d.status() == DeadlineStatus.WARNING)) {
            return Risk.AMBER;
        }
        return Risk.GREEN;
    }

    private CareProceedings find(long id) {
        return cases.findById(id).orElseThrow(() -> new NotFoundException("No care proceedings " + id));
    }

    private CareProceedings of(DelegateTask task) {
        return cases.findById(((Number) task.getVariable("proceedingsId")).longValue()).orElseThrow();
    }

    private LocalDate date(DelegateTask task, String variable) {
        var value = task.getVariable(variable);
        if (value == null) {
            throw TaskInput.invalid(variable, variable + " is required");
        }
        try {
            return timescales.dateOf(value);
        } catch (IllegalArgumentException e) {
            throw TaskInput.invalid(variable, "'" + value + "' is not a date");
        }
    }

    private static String text(DelegateTask task, String variable) {
        var value = task.getVariable(variable);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    private String authenticated(DelegateTask task) {
        var authentication = identity.getCurrentAuthentication();
        return authentication != null ? authentication.getUserId() : task.getAssignee();
    }
}
