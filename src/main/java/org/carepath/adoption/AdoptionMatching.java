package org.carepath.adoption;

import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.variable.Variables;
import org.carepath.child.ChildRecordPart;
import org.carepath.child.Children;
import org.carepath.child.Journeys;
import org.carepath.child.LegalStatus;
import org.carepath.child.LegalStatusChanged;
import org.carepath.lookedafter.LookedAfter;
import org.carepath.lookedafter.PermanencePlanRatified;
import org.carepath.lookedafter.PermanencePlanType;
import org.carepath.timescale.Timescales;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts {@code adoption-matching.bpmn} for a child once both are true: their permanence plan for adoption is
 * ratified (the decision that they should be placed for adoption) and a placement order is made. Whichever comes
 * second starts it, in the transaction of that event; a child has one open adoption case at a time. Also the adoption part
 * of the child's record, with the scorecard's clocks.
 */
@Component
class AdoptionMatching implements ChildRecordPart {

    static final String PROCESS = "adoption-matching";

    static final String PLACEMENT_ENDED = "AdoptivePlacementEnded";
    static final String CHANGE_OF_PLAN = "AdoptionChangeOfPlanProposed";

    private final AdoptionCaseRepository cases;
    private final Children children;
    private final LookedAfter lookedAfter;
    private final Journeys journeys;
    private final Timescales timescales;
    private final ProspectiveAdopters adopters;
    private final org.camunda.bpm.engine.RuntimeService runtime;
    private final jakarta.validation.Validator validator;
    private final EarlyPermanencePlacementRepository early;
    private final org.carepath.access.ChildAccess access;
    private final AdoptivePlacementVisitRepository visits;
    private final AdoptionReviewRepository reviews;
    private final org.camunda.bpm.engine.IdentityService identity;

    AdoptionMatching(AdoptionCaseRepository cases, Children children, LookedAfter lookedAfter, Journeys journeys, Timescales timescales,
                     ProspectiveAdopters adopters, org.camunda.bpm.engine.RuntimeService runtime, jakarta.validation.Validator validator,
                     EarlyPermanencePlacementRepository early, org.carepath.access.ChildAccess access,
                     AdoptivePlacementVisitRepository visits, AdoptionReviewRepository reviews,
                     org.camunda.bpm.engine.IdentityService identity) {
        this.identity = identity;
        this.visits = visits;
        this.reviews = reviews;
        this.early = early;
        this.access = access;
        this.adopters = adopters;
        this.runtime = runtime;
        this.validator = validator;
        this.cases = cases;
        this.children = children;
        this.lookedAfter = lookedAfter;
        this.journeys = journeys;
        this.timescales = timescales;
    }

    @EventListener
    @Transactional
    void on(PermanencePlanRatified ratified) {
        if (ratified.type() == PermanencePlanType.ADOPTION) {
            startIfAuthorised(ratified.childReference());
        }
    }

    /** A placement order, made in care proceedings or recorded on the child's legal status. */
    @EventListener
    @Transactional
    void on(LegalStatusChanged changed) {
        if (changed.legalStatus() == LegalStatus.PLACEMENT_ORDER) {
            startIfAuthorised(changed.childReference());
        }
    }

    private void startIfAuthorised(String child) {
        if (cases.findByChildReferenceAndClosedOnIsNull(child).isPresent()) {
            return;
        }
        var period = lookedAfter.periods(child).stream().filter(p -> p.endedOn() == null).findFirst().orElse(null);
        if (period == null || period.permanencePlan() == null || period.permanencePlan().type() != PermanencePlanType.ADOPTION) {
            return;
        }
        var record = children.get(child);
        var placementOrder = record.legalStatusHistory().stream().filter(s -> s.legalStatus() == LegalStatus.PLACEMENT_ORDER)
                .map(s -> s.effectiveOn()).reduce((first, later) -> later).orElse(null);
        if (placementOrder == null || record.legalStatus() != LegalStatus.PLACEMENT_ORDER) {
            return;
        }
        var shouldBePlaced = period.permanencePlan().ratifiedOn();
        var adoption = cases.saveAndFlush(new AdoptionCase(child, period.startedOn(), shouldBePlaced, placementOrder, timescales.now()));
        // the journey follows from the decision and the order, whoever recorded the second (an IRO at a review, a court)
        var instance = org.carepath.identity.Viewer.asTheApplication(identity, () -> journeys.start(PROCESS, child, Variables.createVariables()
                .putValue("adoptionCaseId", adoption.id())
                .putValue("shouldBePlacedOn", midday(shouldBePlaced))
                .putValue("enteredCareAt", midday(period.startedOn()))
                .putValue("placementOrderAt", midday(placementOrder))
                .putValue("shouldBePlacedOnText", Timescales.DAY_IN_WORDS.format(shouldBePlaced))));
        adoption.startedAs(instance.getId());
    }

    /**
     * The adoptive placement ended before the adoption order (a disruption): the placement and the link end, the
     * match no longer counts, and the journey goes to a disruption meeting and then family finding again.
     */
    @Transactional
    AdoptionCase.View disrupted(String child, AdoptionInput.PlacementEnded input) {
        var problems = org.carepath.web.FieldProblems.of(validator, input);
        problems.throwIfAny();
        var adoption = cases.findByChildReferenceAndClosedOnIsNull(child)
                .orElseThrow(() -> new org.carepath.web.NotFoundException(child + " has no open adoption case"));
        var journey = adoption.processInstanceId() == null ? null : runtime.getActivityInstance(adoption.processInstanceId());
        if (journey == null || journey.getActivityInstances("SubProcess_LivingWithTheAdopters").length == 0) {
            throw new org.carepath.web.ConflictException(child + " has not moved in with adopters: there is no adoptive placement to end");
        }
        var endedOn = LocalDate.parse(input.endedOn());
        var adopterId = ((Number) runtime.getVariable(adoption.processInstanceId(), "adopterId")).longValue();
        lookedAfter.adoptivePlacementEnded(child, endedOn, input.reason().strip());
        adopters.unlinked(adopterId, child, endedOn, "The placement ended before the adoption order: " + input.reason().strip());
        adoption.disrupted();
        runtime.createMessageCorrelation(PLACEMENT_ENDED).processInstanceId(adoption.processInstanceId())
                .setVariable("disruptedAt", Date.from(timescales.now())).setVariable("disruptionReason", input.reason().strip())
                .correlate();
        return view(adoption);
    }

    /**
     * The child placed with approved adopters as their foster carers (fostering for adoption, concurrent planning):
     * kept for the A10 clock, which it stops if those carers become the child's adopters.
     */
    @Transactional
    EarlyPermanencePlacement.View earlyPermanence(String child, AdoptionInput.EarlyPermanence input) {
        var problems = org.carepath.web.FieldProblems.of(validator, input);
        if (problems.fine("adopterId")) {
            var adopter = adopters.household(input.adopterId());
            if (adopter == null) {
                problems.add("adopterId", "no prospective adopters " + input.adopterId());
            } else if (adopter.status() == AdopterStatus.WITHDRAWN || adopter.status() == AdopterStatus.ON_HOLD) {
                problems.add("adopterId", adopter.householdName() + " are " + adopter.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                        + ": early permanence is with approved adopters");
            } else if (problems.fine("startedOn") && LocalDate.parse(input.startedOn()).isBefore(adopter.approvedOn())) {
                problems.add("startedOn", "must not be before " + adopter.householdName() + " were approved (" + adopter.approvedOn() + ")");
            }
        }
        problems.throwIfAny();
        var user = access.viewer().userId();
        var placement = early.saveAndFlush(new EarlyPermanencePlacement(child, input.adopterId(),
                EarlyPermanencePlacement.Kind.valueOf(input.kind()), LocalDate.parse(input.startedOn()), timescales.now(),
                user == null ? "carepath" : user));
        return placement.view();
    }

    /**
     * A change of plan away from adoption, proposed with its reasons: it goes to the permanence panel and the agency
     * decision maker, while the journey goes on; agreed, the new plan is ratified and this journey ends (see the
     * model). Refused once the child lives with their adopters: a placement that ends is a disruption.
     */
    @Transactional
    AdoptionCase.View changeOfPlan(String child, AdoptionInput.ChangeOfPlan input) {
        var problems = org.carepath.web.FieldProblems.of(validator, input);
        if (problems.fine("proposedPlan") && PermanencePlanType.ADOPTION.name().equals(input.proposedPlan())) {
            problems.add("proposedPlan", "must be a plan other than adoption");
        }
        problems.throwIfAny();
        var adoption = cases.findByChildReferenceAndClosedOnIsNull(child)
                .orElseThrow(() -> new org.carepath.web.NotFoundException(child + " has no open adoption case"));
        if (adoption.movedInOn() != null) {
            throw new org.carepath.web.ConflictException(child + " lives with their adopters: if the placement ends, record that"
                    + " (a disruption) before any change of plan");
        }
        if (adoption.changeOfPlanProposedOn() != null) {
            throw new org.carepath.web.ConflictException("A change of plan for " + child + " proposed on " + adoption.changeOfPlanProposedOn()
                    + " is before the permanence panel already");
        }
        var reason = input.reason().strip();
        adoption.changeOfPlanProposed(timescales.today(), reason);
        runtime.createMessageCorrelation(CHANGE_OF_PLAN).processInstanceId(adoption.processInstanceId())
                .setVariable("changeOfPlanReason", "Change of plan away from adoption, to " + input.proposedPlan().toLowerCase(java.util.Locale.ROOT)
                        .replace('_', ' ') + ": " + reason)
                .correlate();
        return view(adoption);
    }

    /**
     * The authority's adoption scorecard for children adopted from {@code from} to {@code to}, and over the three
     * years to {@code to} as the scorecard reports them; with the children still waiting on {@code to}.
     */
    @Transactional(readOnly = true)
    AuthorityScorecard authority(LocalDate from, LocalDate to) {
        return authority(from, to, reference -> true);
    }

    /** The same, counting only the children {@code counted} accepts (a manager's scope). */
    @Transactional(readOnly = true)
    AuthorityScorecard authority(LocalDate from, LocalDate to, java.util.function.Predicate<String> counted) {
        var all = cases.findAll().stream().filter(c -> counted.test(c.childReference())).toList();
        return new AuthorityScorecard(period(all, from, to), period(all, to.minusYears(3).plusDays(1), to), waiting(all, to));
    }

    private AuthorityScorecard.Period period(java.util.List<AdoptionCase> all, LocalDate from, LocalDate to) {
        var cards = all.stream().filter(c -> c.adoptedOn() != null && !c.adoptedOn().isBefore(from) && !c.adoptedOn().isAfter(to))
                .map(c -> scorecard(c, to)).toList();
        return new AuthorityScorecard.Period(from, to, cards.size(),
                AuthorityScorecard.average(cards.stream().map(AdoptionScorecard::a1).toList(), threshold("ADOPTION_SCORECARD_A1")),
                AuthorityScorecard.average(cards.stream().map(AdoptionScorecard::a2).filter(java.util.Objects::nonNull).toList(),
                        threshold("ADOPTION_SCORECARD_A2")),
                AuthorityScorecard.average(cards.stream().map(AdoptionScorecard::a10).toList(), threshold("ADOPTION_SCORECARD_A10")));
    }

    private AuthorityScorecard.Waiting waiting(java.util.List<AdoptionCase> all, LocalDate on) {
        var cards = all.stream().filter(c -> c.closedOn() == null).map(c -> scorecard(c, on)).toList();
        return new AuthorityScorecard.Waiting(on, cards.size(),
                cards.stream().filter(c -> c.a1().running() && c.a1().overThreshold()).count(),
                cards.stream().filter(c -> c.a2() != null && c.a2().running() && c.a2().overThreshold()).count());
    }

    /** The scorecard of each of these children's open adoption cases, counted to today. */
    @Transactional(readOnly = true)
    java.util.Map<String, AdoptionScorecard> openScorecards(java.util.Collection<String> childReferences) {
        var today = timescales.today();
        var cards = new java.util.HashMap<String, AdoptionScorecard>();
        var all = java.util.List.copyOf(childReferences);
        for (int from = 0; from < all.size(); from += 10_000) {
            cases.findByChildReferenceInAndClosedOnIsNull(all.subList(from, Math.min(all.size(), from + 10_000)))
                    .forEach(c -> cards.put(c.childReference(), scorecard(c, today)));
        }
        return cards;
    }

    private AdoptionScorecard scorecard(AdoptionCase adoption, LocalDate today) {
        return adoption.scorecard(early.findByChildReferenceOrderByStartedOnAsc(adoption.childReference()), today,
                threshold("ADOPTION_SCORECARD_A1"), threshold("ADOPTION_SCORECARD_A2"), threshold("ADOPTION_SCORECARD_A10"));
    }

    private AdoptionCase.View view(AdoptionCase adoption) {
        return adoption.view(scorecard(adoption, timescales.today()),
                visits.findByChildReferenceOrderByVisitedOnAscIdAsc(adoption.childReference()).stream().map(AdoptivePlacementVisit::view).toList(),
                reviews.findByChildReferenceOrderByHeldOnAscIdAsc(adoption.childReference()).stream().map(AdoptionReview::view).toList());
    }

    Date midday(LocalDate date) {
        return Date.from(date.atTime(12, 0).atZone(timescales.zone()).toInstant());
    }

    @Override
    public String name() {
        return "adoption";
    }

    @Override
    @Transactional(readOnly = true)
    public Object of(String childReference) {
        return cases.findFirstByChildReferenceOrderByIdDesc(childReference).map(this::view).orElse(null);
    }

    private int threshold(String key) {
        return timescales.timescale(key).amount();
    }
}
