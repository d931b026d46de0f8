package org.carepath.lookedafter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import org.carepath.child.LegalStatus;

/**
 * One period in the council's care, from the day a status that makes the child looked after began to the day it
 * ended, with all that happened in it. Returns, the tracker and care-leaver eligibility are counted from these.
 */
@Entity
class PeriodInCare {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String childReference;
    private LocalDate startedOn;
    @Enumerated(EnumType.STRING)
    private LegalStatus legalBasis;
    @Enumerated(EnumType.STRING)
    private LegalStatus currentLegalBasis;
    private String consentGivenBy;
    private LocalDate consentGivenOn;
    private LocalDate endedOn;
    @Enumerated(EnumType.STRING)
    private ReasonForLeaving reasonForLeaving;
    private String leavingDetail;
    private String iro;
    private LocalDate carePlanPreparedOn;
    private String carePlanSummary;
    private LocalDate healthAssessmentOn;
    private String healthAssessmentNote;
    private LocalDate personalEducationPlanOn;
    private String personalEducationPlanNote;
    private LocalDate lifeStoryWorkStartedOn;
    private String lifeStoryWorkNote;
    private String processInstanceId;
    private String recordedBy;
    private Instant recordedAt;

    @OneToMany(mappedBy = "period", cascade = CascadeType.ALL)
    @OrderBy("startedOn, id")
    private List<Placement> placements = new ArrayList<>();
    @OneToMany(mappedBy = "period", cascade = CascadeType.ALL)
    @OrderBy("heldOn, id")
    private List<LookedAfterReview> reviews = new ArrayList<>();
    @OneToMany(mappedBy = "period", cascade = CascadeType.ALL)
    @OrderBy("heldOn, id")
    private List<PermanencePlanningMeeting> meetings = new ArrayList<>();
    @OneToMany(mappedBy = "period", cascade = CascadeType.ALL)
    @OrderBy("visitedOn, id")
    private List<StatutoryVisit> visits = new ArrayList<>();
    @OneToMany(mappedBy = "period", cascade = CascadeType.ALL)
    @OrderBy("recordedAt, id")
    private List<PermanencePlan> plans = new ArrayList<>();
    @OneToMany(mappedBy = "period", cascade = CascadeType.ALL)
    @OrderBy("dueOn, id")
    private List<LookedAfterAction> actions = new ArrayList<>();

    protected PeriodInCare() {
    }

    PeriodInCare(String childReference, LocalDate startedOn, LegalStatus legalBasis, String consentGivenBy, LocalDate consentGivenOn,
                 String recordedBy, Instant recordedAt) {
        this.childReference = childReference;
        this.startedOn = startedOn;
        this.legalBasis = legalBasis;
        this.currentLegalBasis = legalBasis;
        this.consentGivenBy = consentGivenBy;
        this.consentGivenOn = consentGivenOn;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    Long id() {
        return id;
    }

    String childReference() {
        return childReference;
    }

    LocalDate startedOn() {
        return startedOn;
    }

    LegalStatus currentLegalBasis() {
        return currentLegalBasis;
    }

    boolean open() {
        return endedOn == null;
    }

    LocalDate endedOn() {
        return endedOn;
    }

    String processInstanceId() {
        return processInstanceId;
    }

    String iro() {
        return iro;
    }

    void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void legalBasisChanged(LegalStatus status) {
        currentLegalBasis = status;
    }

    void end(LocalDate on, ReasonForLeaving reason, String detail) {
        endedOn = on;
        reasonForLeaving = reason;
        leavingDetail = detail;
        currentPlacement().ifPresent(placement -> placement.end(on, "Left care: " + reason));
    }

    void reviewedBy(String iro) {
        this.iro = iro;
    }

    // ------------------------------------------------------------------ placements

    Optional<Placement> currentPlacement() {
        return placements.stream().filter(Placement::current).findFirst();
    }

    List<Placement> placements() {
        return placements;
    }

    Placement place(Placement placement) {
        placements.add(placement);
        return placement;
    }

    Optional<Placement> placement(long placementId) {
        return placements.stream().filter(p -> p.id() == placementId).findFirst();
    }

    /** Moves from one placement to another that started in the 12 months before {@code today}. */
    int movesInTheYearBefore(LocalDate today) {
        var yearAgo = today.minusMonths(12);
        return (int) placements.stream().skip(1).filter(p -> p.startedOn().isAfter(yearAgo)).count();
    }

    // ------------------------------------------------------------------ the plans and the record of the work

    void carePlan(LocalDate preparedOn, String summary) {
        carePlanPreparedOn = preparedOn;
        carePlanSummary = summary;
    }

    void healthAssessment(LocalDate on, String note) {
        healthAssessmentOn = on;
        healthAssessmentNote = note;
    }

    void personalEducationPlan(LocalDate on, String note) {
        personalEducationPlanOn = on;
        personalEducationPlanNote = note;
    }

    void lifeStoryWorkStarted(LocalDate on, String note) {
        lifeStoryWorkStartedOn = on;
        lifeStoryWorkNote = note;
    }

    LookedAfterReview review(LookedAfterReview review) {
        reviews.add(review);
        return review;
    }

    int reviewsHeld() {
        return reviews.size();
    }

    List<LookedAfterReview> reviews() {
        return reviews;
    }

    void meeting(PermanencePlanningMeeting meeting) {
        meetings.add(meeting);
    }

    void visit(StatutoryVisit visit) {
        visits.add(visit);
    }

    Optional<PermanencePlan> permanencePlan() {
        return plans.isEmpty() ? Optional.empty() : Optional.of(plans.get(plans.size() - 1));
    }

    PermanencePlan plan(PermanencePlan plan) {
        plans.add(plan);
        return plan;
    }

    LookedAfterAction action(LookedAfterAction action) {
        actions.add(action);
        return action;
    }

    Optional<LookedAfterAction> action(long actionId) {
        return actions.stream().filter(a -> a.id() == actionId).findFirst();
    }

    PeriodInCareView view(LocalDate today) {
        return new PeriodInCareView(id, childReference, startedOn, legalBasis, currentLegalBasis,
                consentGivenBy == null ? null : new PeriodInCareView.Consent(consentGivenBy, consentGivenOn),
                endedOn, reasonForLeaving, leavingDetail, iro,
                carePlanPreparedOn == null ? null : new PeriodInCareView.CarePlan(carePlanPreparedOn, carePlanSummary),
                new PeriodInCareView.Milestone(healthAssessmentOn, healthAssessmentNote),
                new PeriodInCareView.Milestone(personalEducationPlanOn, personalEducationPlanNote),
                new PeriodInCareView.Milestone(lifeStoryWorkStartedOn, lifeStoryWorkNote),
                permanencePlan().map(PermanencePlan::view).orElse(null),
                plans.stream().map(PermanencePlan::view).toList(),
                placements.stream().map(Placement::view).toList(), movesInTheYearBefore(today),
                reviews.stream().map(LookedAfterReview::view).toList(),
                meetings.stream().map(PermanencePlanningMeeting::view).toList(),
                visits.stream().map(StatutoryVisit::view).toList(),
                actions.stream().map(LookedAfterAction::view).toList(),
                processInstanceId);
    }
}
