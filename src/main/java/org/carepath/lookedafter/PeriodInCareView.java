package org.carepath.lookedafter;

import java.time.LocalDate;
import java.util.List;

import org.carepath.child.LegalStatus;

/** A period in care as the API, the tracker and other journeys read it. */
public record PeriodInCareView(
        long id,
        String childReference,
        LocalDate startedOn,
        LegalStatus legalBasis,
        LegalStatus currentLegalBasis,
        Consent parentalConsent,
        LocalDate endedOn,
        ReasonForLeaving reasonForLeaving,
        String leavingDetail,
        String iro,
        CarePlan carePlan,
        Milestone healthAssessment,
        Milestone personalEducationPlan,
        Milestone lifeStoryWork,
        PermanencePlanView permanencePlan,
        List<PermanencePlanView> permanencePlanHistory,
        List<PlacementView> placements,
        int placementMovesInLast12Months,
        List<ReviewView> reviews,
        List<MeetingView> permanencePlanningMeetings,
        List<VisitView> visits,
        List<ActionView> actions,
        String processInstanceId) {

    public boolean open() {
        return endedOn == null;
    }

    public record Consent(String givenBy, LocalDate givenOn) {
    }

    public record CarePlan(LocalDate preparedOn, String summary) {
    }

    /** A piece of the care plan done on a date, with what was recorded of it (both empty until then). */
    public record Milestone(LocalDate on, String note) {
    }

    public record PlacementView(long id, PlacementType type, String provider, String postcode, boolean longTerm,
                                boolean temporaryApproval, LocalDate startedOn, LocalDate endedOn, String reasonForMove,
                                LocalDate assessedOn, String assessment) {
    }

    public record ReviewView(long id, int number, LocalDate heldOn, String chairedBy, String attendedBy, String childViews,
                             String childViewsGathered, String carePlanStatus, boolean permanencePlanInPlace, String summary) {
    }

    public record MeetingView(long id, LocalDate heldOn, String attendedBy, String discussion, String recordedBy) {
    }

    public record VisitView(long id, long placementId, LocalDate visitedOn, boolean seenAlone, String notSeenAloneReason,
                            String note, String visitedBy) {
    }

    public record PermanencePlanView(long id, PermanencePlanType type, String contingency, LocalDate ratifiedOn,
                                     RatifiedBy ratifiedBy, String ratifiedReference, String recordedBy) {
    }

    public record ActionView(long id, String decidedAt, LocalDate decidedOn, String action, String owner, LocalDate dueOn,
                             LocalDate doneOn, String note) {
    }
}
