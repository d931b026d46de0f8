package org.carepath.careleaver;

import java.time.LocalDate;
import java.util.List;

/** A young person's leaving-care record: status with dates, personal adviser, plan and its reviews, contacts, circumstances. */
public record CareLeaverView(
        long id,
        String childReference,
        LocalDate dateOfBirth,
        LocalDate eligibleOn,
        CareLeaverStatus status,
        List<CareLeaverStatus.Since> statusHistory,
        String personalAdviser,
        LocalDate personalAdviserFrom,
        Decision stayingPut,
        LocalDate stayingPutEndedOn,
        Decision stayingClose,
        LocalDate declinedSupportOn,
        String rightToReturn,
        LocalDate returnedForSupportOn,
        LocalDate closedOn,
        String closureReason,
        String localOffer,
        List<PlanView> pathwayPlan,
        List<ContactView> contacts,
        List<CircumstancesView> circumstances,
        String processInstanceId) {

    public record Decision(String decision, LocalDate decidedOn) {
    }

    public record PlanView(long id, int number, String kind, LocalDate recordedOn, String youngPersonViews, String contingency,
                           String changesSinceLastReview, String recordedBy, List<GoalView> goals) {
    }

    public record GoalView(long id, String domain, String goal, String action, String actionOwner, LocalDate actionDueOn,
                           LocalDate actionDoneOn, String actionNote) {
    }

    public record ContactView(long id, LocalDate contactedOn, String method, boolean afterMove, String note, String recordedBy) {
    }

    public record CircumstancesView(long id, LocalDate recordedOn, String accommodationType, boolean accommodationSuitable,
                                    boolean providedByAuthority, String activity, boolean inEducationEmploymentOrTraining,
                                    boolean stayingPut, boolean stayingClose, boolean inCustody, boolean parent, String recordedBy) {
    }
}
