package org.carepath.lookedafter;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Validator;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.carepath.audit.Audit;
import org.carepath.child.ChildView;
import org.carepath.child.Children;
import org.carepath.child.Journeys;
import org.carepath.child.LegalStatus;
import org.carepath.child.LegalStatusChanged;
import org.carepath.identity.Groups;
import org.carepath.identity.Viewer;
import org.carepath.timescale.Timescales;
import org.carepath.web.ConflictException;
import org.carepath.web.FieldProblems;
import org.carepath.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Periods in care and what is recorded in them. A period opens when the child's legal status becomes one that
 * makes them looked after and closes when it stops being one; its journey ({@code looked-after-child.bpmn})
 * runs for as long as the period does.
 */
@Service
@Transactional
public class LookedAfter {

    static final String PROCESS = "looked-after-child";
    static final String ACTION_PROCESS = "looked-after-action";
    static final String CHILD_LEFT_CARE = "ChildLeftCare";
    static final String PLACEMENT_STARTED = "PlacementStarted";
    static final String PLACEMENT_ENDED = "PlacementEnded";
    static final String PLACED_WITH_PARENTS = "PlacedWithParents";
    /** The orders under which a placement with parents is assessed and, for a care order, its discharge considered. */
    static final Set<LegalStatus> PLACED_WITH_PARENTS_UNDER = Set.of(LegalStatus.INTERIM_CARE_ORDER, LegalStatus.CARE_ORDER);
    static final String IRO_APPOINTMENT_TASK = "Task_AppointTheChildsIro";
    static final String[] REVIEW_TASKS = {"Task_HoldFirstReview", "Task_HoldSecondReview", "Task_HoldLookedAfterReview"};
    /** Statuses a social worker records; the court's orders come through care proceedings. */
    static final Set<LegalStatus> RECORDED_WITHOUT_PROCEEDINGS = Set.of(LegalStatus.SECTION_20,
            LegalStatus.EMERGENCY_PROTECTION_ORDER, LegalStatus.POLICE_PROTECTION);


    private final PeriodInCareRepository periods;
    private final Children children;
    private final Journeys journeys;
    private final RuntimeService runtime;
    private final TaskService reviewTasks;
    private final IdentityService identity;
    private final Timescales timescales;
    private final Validator validator;
    private final ApplicationEventPublisher events;
    private final Audit audit;

    LookedAfter(PeriodInCareRepository periods, Children children, Journeys journeys, RuntimeService runtime,
                TaskService reviewTasks, IdentityService identity, Timescales timescales, Validator validator, ApplicationEventPublisher events, Audit audit) {
        this.periods = periods;
        this.children = children;
        this.journeys = journeys;
        this.runtime = runtime;
        this.reviewTasks = reviewTasks;
        this.identity = identity;
        this.timescales = timescales;
        this.validator = validator;
        this.events = events;
        this.audit = audit;
    }

    // ------------------------------------------------------------------ periods in care, from the legal status

    /**
     * In the transaction that changed the status: a child is never shown looked after without a period in
     * care, nor a period left open after the order that ended it.
     */
    @EventListener
    void on(LegalStatusChanged changed) {
        var open = periods.findByChildReferenceAndEndedOnIsNull(changed.childReference());
        if (changed.legalStatus().isLookedAfter()) {
            open.ifPresentOrElse(period -> period.legalBasisChanged(changed.legalStatus()),
                    () -> begin(changed.childReference(), changed.legalStatus(), changed.effectiveOn(), null, null));
        } else {
            open.ifPresent(period -> end(period, changed.effectiveOn(), ReasonForLeaving.of(changed.legalStatus()), changed.reason()));
        }
    }

    /** Section 20, emergency or police protection, recorded by the social worker. */
    PeriodInCareView becameLookedAfter(String childReference, LookedAfterInput.BecameLookedAfter input) {
        children.require(childReference);
        var problems = FieldProblems.of(validator, input);
        LegalStatus basis = null;
        if (problems.fine("legalBasis")) {
            basis = LegalStatus.valueOf(input.legalBasis());
            if (!RECORDED_WITHOUT_PROCEEDINGS.contains(basis)) {
                problems.add("legalBasis", basis + " is an order of the court: record it at the hearing in care proceedings"
                        + " (one of " + RECORDED_WITHOUT_PROCEEDINGS.stream().sorted().toList() + " here)");
            }
        }
        if (basis == LegalStatus.SECTION_20 && input.parentalConsent() == null) {
            problems.add("parentalConsent", "is required: a child is accommodated under section 20 only with the consent"
                    + " of a parent with parental responsibility (who and when)");
        }
        if (problems.fine("startedOn") && problems.fine("parentalConsent.givenOn") && input.parentalConsent() != null
                && LocalDate.parse(input.parentalConsent().givenOn()).isAfter(LocalDate.parse(input.startedOn()))) {
            problems.add("parentalConsent.givenOn", "must not be after the accommodation began (" + input.startedOn() + ")");
        }
        if (problems.fine("startedOn")) {
            var startedOn = LocalDate.parse(input.startedOn());
            periods.findByChildReferenceOrderByStartedOnDesc(childReference).stream().filter(p -> !p.open()).findFirst()
                    .map(PeriodInCare::endedOn).filter(endedOn -> endedOn.isAfter(startedOn))
                    .ifPresent(endedOn -> problems.add("startedOn", "must not be before the last period in care ended (" + endedOn + ")"));
        }
        problems.throwIfAny();
        periods.findByChildReferenceAndEndedOnIsNull(childReference).ifPresent(open -> {
            throw new ConflictException(childReference + " is looked after already (since " + open.startedOn() + ", "
                    + open.currentLegalBasis() + ")");
        });
        var consent = input.parentalConsent();
        var period = begin(childReference, basis, LocalDate.parse(input.startedOn()),
                consent == null ? null : consent.givenBy().strip(), consent == null ? null : LocalDate.parse(consent.givenOn()));
        children.changeLegalStatus(childReference, basis, period.startedOn(), basis == LegalStatus.SECTION_20
                ? "Accommodated under section 20 with the consent of " + consent.givenBy().strip() : "Recorded: " + basis);
        return period.view(timescales.today());
    }

    /** Accommodation or protection ended: the child returned home, or left care for another reason. */
    PeriodInCareView leftCare(String childReference, LookedAfterInput.LeftCare input) {
        var period = openPeriod(childReference);
        var problems = FieldProblems.of(validator, input);
        if (problems.fine("reason") && !Set.of("RETURNED_HOME", "OTHER").contains(input.reason())) {
            problems.add("reason", "must be RETURNED_HOME or OTHER: the other reasons come from the order that ends the period");
        }
        if (problems.fine("endedOn") && LocalDate.parse(input.endedOn()).isBefore(period.startedOn())) {
            problems.add("endedOn", "must not be before the period in care began (" + period.startedOn() + ")");
        }
        problems.throwIfAny();
        if (!RECORDED_WITHOUT_PROCEEDINGS.contains(period.currentLegalBasis())) {
            throw new ConflictException(childReference + " is looked after on " + period.currentLegalBasis()
                    + ": only the court ends it (a discharge through the revocation pathway, or another order)");
        }
        var endedOn = LocalDate.parse(input.endedOn());
        var reason = ReasonForLeaving.valueOf(input.reason());
        var detail = input.detail() == null || input.detail().isBlank() ? null : input.detail().strip();
        end(period, endedOn, reason, detail);
        children.changeLegalStatus(childReference, LegalStatus.NOT_LOOKED_AFTER, endedOn,
                "Left care: " + reason + (detail == null ? "" : " (" + detail + ")"));
        return period.view(timescales.today());
    }

    /** The child turned 18 in care: the period ends on the birthday (asked by the journey's timer). */
    void turnedEighteen(PeriodInCare period, LocalDate birthday) {
        end(period, birthday, ReasonForLeaving.EIGHTEENTH_BIRTHDAY, "18th birthday");
        children.changeLegalStatus(period.childReference(), LegalStatus.NOT_LOOKED_AFTER, birthday, "18th birthday: no longer looked after");
    }

    private PeriodInCare begin(String childReference, LegalStatus basis, LocalDate startedOn, String consentGivenBy,
                               LocalDate consentGivenOn) {
        var child = children.get(childReference);
        var period = periods.saveAndFlush(new PeriodInCare(childReference, startedOn, basis, consentGivenBy, consentGivenOn,
                Viewer.current(identity).userId(), timescales.now()));
        var instance = asTheApplication(() -> journeys.start(PROCESS, childReference, Variables.createVariables()
                .putValue("periodId", period.id())
                .putValue("lookedAfterFrom", midday(startedOn))
                .putValue("lookedAfterFromText", Timescales.DAY_IN_WORDS.format(startedOn))
                .putValue("dateOfBirth", child.dateOfBirth() == null ? null : midday(child.dateOfBirth()))
                .putValue("iro", null)
                .putValue("permanencePlanRatified", false)
                .putValue("permanencePlanAwayFromHome", false)));
        period.startedAs(instance.getId());
        audit.changed(childReference, "period in care began", basis + " from " + startedOn);
        events.publishEvent(new ChildBecameLookedAfter(childReference, period.id(), basis, startedOn));
        return period;
    }

    /** The period ends; its journey ends with it (open work, clocks and alerts), unless the journey is what ended it. */
    private void end(PeriodInCare period, LocalDate endedOn, ReasonForLeaving reason, String detail) {
        period.end(endedOn, reason, detail);
        periods.flush();
        audit.changed(period.childReference(), "period in care ended", reason + " on " + endedOn);
        if (reason != ReasonForLeaving.EIGHTEENTH_BIRTHDAY && period.processInstanceId() != null) {
            runAsTheApplication(() -> runtime.createMessageCorrelation(CHILD_LEFT_CARE).processInstanceId(period.processInstanceId())
                    .correlateAll());
        }
        events.publishEvent(new ChildLeftCare(period.childReference(), period.id(), endedOn, reason));
    }

    // ------------------------------------------------------------------ placements

    PeriodInCareView place(String childReference, LookedAfterInput.Placement input) {
        var period = openPeriod(childReference);
        var problems = FieldProblems.of(validator, input);
        var current = period.currentPlacement();
        if (problems.fine("startedOn")) {
            var startedOn = LocalDate.parse(input.startedOn());
            if (startedOn.isBefore(period.startedOn())) {
                problems.add("startedOn", "must not be before the period in care began (" + period.startedOn() + ")");
            } else if (current.isPresent() && startedOn.isBefore(current.get().startedOn())) {
                problems.add("startedOn", "overlaps the current placement, which began on " + current.get().startedOn());
            } else {
                period.placements().stream().filter(p -> !p.current() && p.endedOn().isAfter(startedOn)).findFirst()
                        .ifPresent(p -> problems.add("startedOn", "overlaps an earlier placement (" + p.startedOn() + " to " + p.endedOn() + ")"));
            }
        }
        if (current.isPresent() && (input.reasonForMove() == null || input.reasonForMove().isBlank()) && problems.fine("reasonForMove")) {
            problems.add("reasonForMove", "is required: the child is placed already, so this is a move (stability is on the record)");
        }
        problems.throwIfAny();
        var startedOn = LocalDate.parse(input.startedOn());
        current.ifPresent(placement -> endPlacement(period, placement, startedOn, input.reasonForMove().strip()));
        periods.flush(); // the move's end is written before the new placement, which the database allows only one of
        var type = PlacementType.valueOf(input.type());
        var placement = period.place(new Placement(period, type, input.provider().strip(),
                input.postcode().strip().toUpperCase(java.util.Locale.ROOT).replaceAll("\\s+", " "),
                Boolean.TRUE.equals(input.longTerm()), Boolean.TRUE.equals(input.temporaryApproval()), startedOn,
                Viewer.current(identity).userId(), timescales.now()));
        periods.flush();
        if (type != PlacementType.ADOPTIVE_PLACEMENT) {
            // a child placed for adoption is visited on the adoption journey's timescales (weekly until the first review)
            runAsTheApplication(() -> runtime.createMessageCorrelation(PLACEMENT_STARTED).processInstanceId(period.processInstanceId())
                    .setVariable("placementId", placement.id()).setVariable("placementStartedOn", midday(startedOn))
                    .correlateAll());
        }
        if (type == PlacementType.PLACED_WITH_PARENTS && PLACED_WITH_PARENTS_UNDER.contains(period.currentLegalBasis())) {
            runAsTheApplication(() -> runtime.createMessageCorrelation(PLACED_WITH_PARENTS).processInstanceId(period.processInstanceId())
                    .setVariable("placedWithParentsOn", midday(startedOn)).correlateAll());
        }
        audit.changed(childReference, "placement", type + " from " + startedOn);
        return period.view(timescales.today());
    }

    /**
     * The child moved in with their adopters: an adoptive placement, a move from the placement before it. Refused on
     * the field (as any placement) when its date or postcode is not one.
     */
    public void placeForAdoption(String childReference, String household, String postcode, LocalDate movedInOn) {
        place(childReference, new LookedAfterInput.Placement(PlacementType.ADOPTIVE_PLACEMENT.name(), household, postcode,
                movedInOn.toString(), true, false, "Placed for adoption with " + household));
    }

    /** The adoptive placement ended before the adoption order (a disruption). */
    public void adoptivePlacementEnded(String childReference, LocalDate endedOn, String reason) {
        var period = openPeriod(childReference);
        var placement = period.currentPlacement().filter(p -> p.type() == PlacementType.ADOPTIVE_PLACEMENT)
                .orElseThrow(() -> new ConflictException(childReference + " is not in an adoptive placement"));
        endPlacement(childReference, placement.id(), new LookedAfterInput.PlacementEnded(endedOn.toString(), reason));
    }

    PeriodInCareView endPlacement(String childReference, long placementId, LookedAfterInput.PlacementEnded input) {
        var period = openPeriod(childReference);
        var placement = period.placement(placementId).filter(Placement::current)
                .orElseThrow(() -> new NotFoundException("No current placement " + placementId + " for " + childReference));
        var problems = FieldProblems.of(validator, input);
        if (problems.fine("endedOn") && LocalDate.parse(input.endedOn()).isBefore(placement.startedOn())) {
            problems.add("endedOn", "must not be before the placement began (" + placement.startedOn() + ")");
        }
        problems.throwIfAny();
        endPlacement(period, placement, LocalDate.parse(input.endedOn()), input.reason().strip());
        return period.view(timescales.today());
    }

    private void endPlacement(PeriodInCare period, Placement placement, LocalDate endedOn, String reason) {
        placement.end(endedOn, reason);
        runAsTheApplication(() -> runtime.createMessageCorrelation(PLACEMENT_ENDED).processInstanceId(period.processInstanceId())
                .correlateAll());
        audit.changed(period.childReference(), "placement ended", placement.type() + " on " + endedOn + ": " + reason);
    }

    // ------------------------------------------------------------------ the permanence plan and the IRO

    /** A permanence plan ratified by a review or by the agency decision after a panel (the API's way in). */
    PeriodInCareView recordPermanencePlan(String childReference, LookedAfterInput.PermanencePlan input) {
        var period = openPeriod(childReference);
        var problems = FieldProblems.of(validator, input);
        if (problems.fine("ratifiedOn") && LocalDate.parse(input.ratifiedOn()).isBefore(period.startedOn())) {
            problems.add("ratifiedOn", "must not be before the period in care began (" + period.startedOn() + ")");
        }
        problems.throwIfAny();
        ratify(period, PermanencePlanType.valueOf(input.type()), input.contingency().strip(), LocalDate.parse(input.ratifiedOn()),
                RatifiedBy.valueOf(input.ratifiedBy()), input.reference() == null ? null : input.reference().strip());
        return period.view(timescales.today());
    }

    /** Every version is kept; the latest is the plan. The journey's planning meetings stop and its life-story work may start. */
    void ratify(PeriodInCare period, PermanencePlanType type, String contingency, LocalDate ratifiedOn, RatifiedBy by, String reference) {
        period.plan(new PermanencePlan(period, type, contingency, ratifiedOn, by, reference, Viewer.current(identity).userId(),
                timescales.now()));
        periods.flush();
        asTheApplication(() -> {
            runtime.setVariables(period.processInstanceId(), Map.of("permanencePlanAwayFromHome", type.awayFromHome(),
                    "permanencePlanRatified", true));
            return null;
        });
        audit.changed(period.childReference(), "permanence plan", type + " ratified on " + ratifiedOn + " by " + by);
        events.publishEvent(new PermanencePlanRatified(period.childReference(), period.id(), type, ratifiedOn, by));
    }

    /** The child's IRO from now on: they chair the reviews, so the open review is theirs. */
    PeriodInCareView allocateIro(String childReference, LookedAfterInput.Iro input) {
        var period = openPeriod(childReference);
        var problems = FieldProblems.of(validator, input);
        if (problems.fine("iro") && !Viewer.of(identity, input.iro().strip()).in(Groups.IRO)) {
            problems.add("iro", "'" + input.iro().strip() + "' is not an independent reviewing officer");
        }
        problems.throwIfAny();
        var iro = input.iro().strip();
        var appointment = asTheApplication(() -> reviewTasks.createTaskQuery().processInstanceId(period.processInstanceId())
                .taskDefinitionKey(IRO_APPOINTMENT_TASK).singleResult());
        if (appointment != null) {
            // the team manager's appointment task is done by this: its listener appoints the IRO
            runAsTheApplication(() -> reviewTasks.complete(appointment.getId(), Map.of("appointedIro", iro)));
        } else {
            appoint(period, iro);
        }
        return period.view(timescales.today());
    }

    // ------------------------------------------------------------------ reading

    @Transactional(readOnly = true)
    public List<PeriodInCareView> periods(String childReference) {
        children.require(childReference);
        var today = timescales.today();
        return periods.findByChildReferenceOrderByStartedOnDesc(childReference).stream().map(p -> p.view(today)).toList();
    }

    /** The child's IRO from now on: they chair the reviews, so the open review is theirs. */
    void appoint(PeriodInCare period, String iro) {
        period.reviewedBy(iro);
        // the appointment is the team's decision; giving the IRO the open review follows from it, as the application
        runAsTheApplication(() -> {
            runtime.setVariable(period.processInstanceId(), "iro", iro);
            reviewTasks.createTaskQuery().processInstanceId(period.processInstanceId()).taskDefinitionKeyIn(REVIEW_TASKS)
                    .list().forEach(task -> reviewTasks.setAssignee(task.getId(), iro));
        });
        audit.changed(period.childReference(), "IRO", iro);
    }

    /** Every period in care open today, longest in care first: the permanence tracker's rows. */
    @Transactional(readOnly = true)
    public List<PeriodInCareView> openPeriods() {
        var today = timescales.today();
        return periods.findByEndedOnIsNullOrderByStartedOnAsc().stream().map(p -> p.view(today)).toList();
    }

    /** The periods in care open today of these children. */
    @Transactional(readOnly = true)
    public List<PeriodInCareView> openPeriodsOf(java.util.Collection<String> childReferences) {
        var today = timescales.today();
        var all = List.copyOf(childReferences);
        var open = new java.util.ArrayList<PeriodInCareView>();
        for (int from = 0; from < all.size(); from += 10_000) {
            periods.findByChildReferenceInAndEndedOnIsNullOrderByStartedOnAsc(all.subList(from, Math.min(all.size(), from + 10_000)))
                    .forEach(p -> open.add(p.view(today)));
        }
        return open;
    }

    /** Every period in care open on or after {@code from}: those open today and those ended since. */
    @Transactional(readOnly = true)
    public List<PeriodInCareView> periodsSince(LocalDate from) {
        var today = timescales.today();
        return periods.findByEndedOnIsNullOrEndedOnGreaterThanEqualOrderByStartedOnAsc(from).stream().map(p -> p.view(today)).toList();
    }

    PeriodInCare openPeriod(String childReference) {
        children.require(childReference);
        return periods.lockOpen(childReference)
                .orElseThrow(() -> new ConflictException(childReference + " is not looked after"));
    }

    void flush() {
        periods.flush();
    }

    PeriodInCare period(long id) {
        return periods.findById(id).orElseThrow();
    }

    ChildView child(String childReference) {
        return children.get(childReference);
    }

    /**
     * The journey's own bookkeeping (start it, tell it of a placement or a ratified plan) is done as the
     * application: the user's right is to the child's record, checked before this is reached.
     */
    <T> T asTheApplication(java.util.function.Supplier<T> work) {
        return Viewer.asTheApplication(identity, work);
    }

    void runAsTheApplication(Runnable work) {
        asTheApplication(() -> {
            work.run();
            return null;
        });
    }

    Date midday(LocalDate date) {
        return Date.from(date.atTime(12, 0).atZone(timescales.zone()).toInstant());
    }
}
