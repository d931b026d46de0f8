package org.carepath.proceedings;

import java.util.Arrays;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.carepath.audit.Audit;
import org.carepath.child.Children;
import org.carepath.child.Journeys;
import org.carepath.timescale.Timescales;
import org.carepath.web.ConflictException;
import org.carepath.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Care proceedings' use cases: asking for a legal planning meeting, and recording what the court did
 * (hearings, orders, directions, extensions), through the API or a hearing's form in the Tasklist. What
 * the court did is checked in full ({@link ProceedingsChecks}) before anything is written. Orders and
 * extensions are announced as facts ({@link CourtOrderMade}, {@link TwentySixWeeksExtended},
 * {@link PlacementOrderMade}) for the child record, the deadlines and the journeys that follow.
 */
@Service("careProceedings")
@Transactional
public class Proceedings {

    static final String PROCESS = "care-proceedings";
    static final String DIRECTION_PROCESS = "court-direction";
    static final String CLOCK = "CARE_PROCEEDINGS";

    private final ProceedingsRepository cases;
    private final HearingRepository hearings;
    private final CourtDirectionRepository directions;
    private final Children children;
    private final Journeys journeys;
    private final ProceedingsChecks checks;
    private final ProceedingsViews views;
    private final Timescales timescales;
    private final TaskService tasks;
    private final ApplicationEventPublisher events;
    private final Audit audit;

    Proceedings(ProceedingsRepository cases, HearingRepository hearings, CourtDirectionRepository directions, Children children,
                Journeys journeys, ProceedingsChecks checks, ProceedingsViews views, Timescales timescales, TaskService tasks,
                ApplicationEventPublisher events, Audit audit) {
        this.cases = cases;
        this.hearings = hearings;
        this.directions = directions;
        this.children = children;
        this.journeys = journeys;
        this.checks = checks;
        this.views = views;
        this.timescales = timescales;
        this.tasks = tasks;
        this.events = events;
        this.audit = audit;
    }

    /** A team manager asks for a legal planning meeting about a child: the journey starts. */
    public ProceedingsView request(String childReference, String reason, String requestedBy) {
        children.require(childReference);
        cases.findLiveFor(childReference).ifPresent(live -> {
            throw new ConflictException("Care proceedings " + live.id() + " for " + childReference + " are already under way");
        });
        var proceedings = cases.save(new CareProceedings(childReference, reason.strip(), requestedBy, timescales.now()));
        var instance = journeys.start(PROCESS, childReference, Variables.createVariables()
                .putValue("proceedingsId", proceedings.id())
                .putValue("legalPlanningRequestedAt", Date.from(timescales.now())));
        proceedings.startedAs(instance.getId());
        audit.changed(childReference, "care proceedings requested", reason.strip());
        return views.view(proceedings);
    }

    /** A hearing recorded through the API: the journey's task waiting for that hearing, if any, is done with it. */
    public ProceedingsView recordHearing(long id, HearingInput input, String recordedBy) {
        var proceedings = find(id);
        var type = hearingType(input.type());
        var waiting = type == null || type.task() == null ? null : tasks.createTaskQuery()
                .processInstanceId(proceedings.processInstanceId()).taskDefinitionKey(type.task()).singleResult();
        if (type == HearingType.FINAL && waiting == null && proceedings.status() == ProceedingsStatus.ISSUED) {
            throw new ConflictException("These proceedings are not at their final hearing yet: record the issues resolution hearing first");
        }
        record(proceedings, input, recordedBy);
        if (waiting != null) {
            var variables = Variables.createVariables().putValue(ProceedingsSteps.RECORDED_THROUGH_API, true);
            if (type == HearingType.FINAL) {
                variables.putValue("finalOrder", proceedings.view(timescales.today(), null).finalOrder().formValue());
            }
            tasks.complete(waiting.getId(), variables);
        }
        return views.view(proceedings);
    }

    public ProceedingsView giveDirection(long id, HearingInput.DirectionInput input, String givenOn, String recordedBy) {
        var proceedings = find(id);
        var direction = checks.direction(proceedings, input, givenOn);
        direct(proceedings, null, direction);
        audit.changed(proceedings.childReference(), "court direction", direction.direction());
        return views.view(proceedings);
    }

    public ProceedingsView extend(long id, HearingInput.ExtensionInput input, String recordedBy) {
        var proceedings = find(id);
        var extension = checks.extension(proceedings, input);
        extend(proceedings, extension, recordedBy);
        audit.changed(proceedings.childReference(), "extension of the 26 weeks", extension.weeks() + " weeks: " + extension.reason());
        return views.view(proceedings);
    }

    @Transactional(readOnly = true)
    public ProceedingsView get(long id) {
        return views.view(find(id));
    }

    @Transactional(readOnly = true)
    public List<ProceedingsView> forChild(String childReference) {
        children.require(childReference);
        return cases.findByChildReferenceOrderByRequestedAtDesc(childReference).stream().map(views::view).toList();
    }

    /** Every case still under way, soonest deadline first, with its week of 26 and its risk. */
    @Transactional(readOnly = true)
    public List<ProceedingsView> live() {
        return cases.findLive().stream().map(views::view).toList();
    }

    /**
     * The week of 26 of each child's case under way ({@code null} for a case not yet issued), without reading each
     * case's hearings, orders and deadlines: what a list of every child sorts by.
     */
    @Transactional(readOnly = true)
    public java.util.Map<String, Integer> liveWeeks() {
        var today = timescales.today();
        var weeks = new java.util.HashMap<String, Integer>();
        cases.findLive().forEach(c -> {
            if (!weeks.containsKey(c.childReference())) {
                weeks.put(c.childReference(), c.week(today));
            }
        });
        return weeks;
    }

    /** The case under way of each of these children who has one, with its week of 26 and its risk. */
    @Transactional(readOnly = true)
    public java.util.Map<String, ProceedingsView> liveFor(java.util.Collection<String> childReferences) {
        var live = new java.util.HashMap<String, ProceedingsView>();
        var all = List.copyOf(childReferences);
        for (int from = 0; from < all.size(); from += 10_000) {
            cases.findLiveFor(all.subList(from, Math.min(all.size(), from + 10_000))).forEach(c -> {
                if (!live.containsKey(c.childReference())) {
                    live.put(c.childReference(), views.view(c));
                }
            });
        }
        return live;
    }

    /** Every case concluded by a final order from {@code from} to {@code to}, both days included. */
    @Transactional(readOnly = true)
    public List<ProceedingsView> concludedBetween(java.time.LocalDate from, java.time.LocalDate to) {
        return cases.findByStatusAndConcludedOnBetweenOrderByConcludedOnAsc(ProceedingsStatus.CONCLUDED, from, to).stream()
                .map(views::view).toList();
    }

    // ------------------------------------------------------------------ recording what the court did

    /** Checks everything, then writes: a bad field leaves nothing half-written. */
    void record(CareProceedings proceedings, HearingInput input, String recordedBy) {
        var checked = checks.hearing(proceedings, input);
        var hearing = hearings.save(new Hearing(proceedings, checked.type(), checked.heldOn(), checked.outcome(),
                checked.nextHearingOn(), checked.nextHearingType(), recordedBy, timescales.now()));
        proceedings.heard(hearing);
        audit.changed(proceedings.childReference(), "hearing: " + checked.type(), checked.heldOn() + ": " + checked.orders().size()
                + " orders, " + checked.directions().size() + " directions"
                + (checked.extension() == null ? "" : ", extension of " + checked.extension().weeks() + " weeks"));
        for (var order : checked.orders()) {
            proceedings.ordered(new CourtOrder(proceedings, hearing, proceedings.childReference(), order.type(), order.madeOn(), timescales.now()));
            events.publishEvent(new CourtOrderMade(proceedings.childReference(), proceedings.id(), order.type(), order.madeOn()));
            if (order.type() == OrderType.PLACEMENT_ORDER) {
                events.publishEvent(new PlacementOrderMade(proceedings.childReference(), proceedings.id(), order.madeOn()));
            }
        }
        for (var direction : checked.directions()) {
            direct(proceedings, hearing, direction);
        }
        if (checked.extension() != null) {
            extend(proceedings, checked.extension(), recordedBy);
        }
        if (proceedings.status() == ProceedingsStatus.CONCLUDED) {
            withdrawOpenDirections(proceedings);
        }
    }

    private void direct(CareProceedings proceedings, Hearing hearing, ProceedingsChecks.Direction checked) {
        var direction = directions.save(new CourtDirection(proceedings, hearing, checked.direction(), checked.owner(), checked.givenOn(),
                checked.dueOn()));
        proceedings.directed(direction);
        var instance = journeys.start(DIRECTION_PROCESS, proceedings.childReference(), Variables.createVariables()
                .putValue("proceedingsId", proceedings.id())
                .putValue("directionId", direction.id())
                .putValue("direction", checked.direction())
                .putValue("directionOwner", checked.owner())
                .putValue("directionOwnerGroup", checked.ownerGroup())
                .putValue("directionDueOn", checked.dueOn().toString()));
        direction.trackedBy(instance.getId());
    }

    private void extend(CareProceedings proceedings, ProceedingsChecks.Extension extension, String recordedBy) {
        var previous = proceedings.currentDeadline();
        var extended = timescales.extend(CLOCK, previous, extension.weeks());
        events.publishEvent(new TwentySixWeeksExtended(proceedings.childReference(), proceedings.id(), proceedings.processInstanceId(),
                extension.weeks(), extension.reason(), extension.grantedOn(), recordedBy));
        proceedings.extended(new ProceedingsExtension(proceedings, extension.weeks(), extension.reason(), extension.grantedOn(),
                previous, extended, recordedBy, timescales.now()), extended);
    }

    private void withdrawOpenDirections(CareProceedings proceedings) {
        for (var direction : proceedings.directions()) {
            if (direction.open()) {
                direction.withdrawn();
                if (direction.processInstanceId() != null) {
                    journeys.end(direction.processInstanceId(), "Care proceedings concluded: direction withdrawn");
                }
            }
        }
    }

    private static HearingType hearingType(String value) {
        return Arrays.stream(HearingType.values()).filter(type -> type.name().equals(value)).findFirst().orElse(null);
    }

    private CareProceedings find(long id) {
        return cases.findById(id).orElseThrow(() -> new NotFoundException("No care proceedings " + id));
    }
}
