package org.carepath.adoption;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A child's road to adoption: the dates the scorecard is computed from, recorded as they happen. */
@Entity
class AdoptionCase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String childReference;
    private LocalDate enteredCareOn;
    private LocalDate shouldBePlacedOn;
    private LocalDate placementOrderOn;
    private LocalDate registerReferredOn;
    private Long adopterId;
    private LocalDate matchedOn;
    private LocalDate movedInOn;
    private LocalDate earlyPermanenceOn;
    private String processInstanceId;
    private Instant openedAt;
    private LocalDate closedOn;
    private String closedReason;
    private LocalDate adoptedOn;
    private LocalDate changeOfPlanProposedOn;
    private String changeOfPlanReason;

    protected AdoptionCase() {
    }

    AdoptionCase(String childReference, LocalDate enteredCareOn, LocalDate shouldBePlacedOn, LocalDate placementOrderOn, Instant openedAt) {
        this.childReference = childReference;
        this.enteredCareOn = enteredCareOn;
        this.shouldBePlacedOn = shouldBePlacedOn;
        this.placementOrderOn = placementOrderOn;
        this.openedAt = openedAt;
    }

    Long id() {
        return id;
    }

    String childReference() {
        return childReference;
    }

    LocalDate shouldBePlacedOn() {
        return shouldBePlacedOn;
    }

    void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void referredToTheRegister(LocalDate on) {
        this.registerReferredOn = on;
    }

    void matched(long adopterId, LocalDate on) {
        this.adopterId = adopterId;
        this.matchedOn = on;
    }

    LocalDate matchedOn() {
        return matchedOn;
    }

    String processInstanceId() {
        return processInstanceId;
    }

    void movedIn(LocalDate on) {
        this.movedInOn = on;
    }

    /** The placement ended before the order: the match and the move no longer count, family finding begins again. */
    void disrupted() {
        this.adopterId = null;
        this.matchedOn = null;
        this.movedInOn = null;
    }

    LocalDate movedInOn() {
        return movedInOn;
    }

    Long adopterId() {
        return adopterId;
    }

    LocalDate changeOfPlanProposedOn() {
        return changeOfPlanProposedOn;
    }

    /** A change of plan away from adoption goes to the permanence panel: one at a time. */
    void changeOfPlanProposed(LocalDate on, String reason) {
        this.changeOfPlanProposedOn = on;
        this.changeOfPlanReason = reason;
    }

    /** The agency decision kept the plan for adoption: the proposal and its reasons stay on the panel's record. */
    void changeOfPlanNotAgreed() {
        this.changeOfPlanProposedOn = null;
    }

    void adopted(LocalDate on) {
        this.adoptedOn = on;
        closed(on, "Adoption order granted");
    }

    LocalDate closedOn() {
        return closedOn;
    }

    LocalDate adoptedOn() {
        return adoptedOn;
    }

    void closed(LocalDate on, String reason) {
        this.closedOn = on;
        this.closedReason = reason;
    }

    /**
     * The scorecard's measures from this case's dates, running clocks counted to {@code today}. An early permanence
     * placement counts for A10 when its carers are the household matched (or no household is matched yet).
     */
    AdoptionScorecard scorecard(java.util.List<EarlyPermanencePlacement> earlyPermanence, LocalDate today, int a1, int a2, int a10) {
        this.earlyPermanenceOn = earlyPermanence.stream().filter(p -> adopterId == null || p.adopterId() == adopterId)
                .map(EarlyPermanencePlacement::startedOn).min(LocalDate::compareTo).orElse(null);
        return AdoptionScorecard.of(enteredCareOn, placementOrderOn, matchedOn, movedInOn, earlyPermanenceOn, today, a1, a2, a10);
    }

    View view(AdoptionScorecard scorecard) {
        return new View(childReference, enteredCareOn, shouldBePlacedOn, placementOrderOn, registerReferredOn, adopterId, matchedOn,
                movedInOn, earlyPermanenceOn, adoptedOn, changeOfPlanProposedOn, changeOfPlanReason, closedOn, closedReason, scorecard,
                processInstanceId, java.util.List.of(), java.util.List.of());
    }

    View view(AdoptionScorecard scorecard, java.util.List<AdoptivePlacementVisit.View> visits, java.util.List<AdoptionReview.View> reviews) {
        var view = view(scorecard);
        return new View(view.child(), enteredCareOn, shouldBePlacedOn, placementOrderOn, registerReferredOn, adopterId, matchedOn,
                movedInOn, earlyPermanenceOn, adoptedOn, changeOfPlanProposedOn, changeOfPlanReason, closedOn, closedReason, scorecard,
                processInstanceId, visits, reviews);
    }

    /** The child's adoption case on their record. */
    record View(String child, LocalDate enteredCareOn, LocalDate shouldBePlacedOn, LocalDate placementOrderOn,
                LocalDate registerReferredOn, Long adopterId, LocalDate matchedOn, LocalDate movedInOn, LocalDate earlyPermanenceOn,
                LocalDate adoptedOn, LocalDate changeOfPlanProposedOn, String changeOfPlanReason, LocalDate closedOn, String closedReason,
                AdoptionScorecard scorecard, String processInstanceId, java.util.List<AdoptivePlacementVisit.View> visits,
                java.util.List<AdoptionReview.View> reviews) {
    }
}
