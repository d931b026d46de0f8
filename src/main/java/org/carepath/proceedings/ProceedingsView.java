package org.carepath.proceedings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A case as the API shows it: where it is, the week of the 26, the original and current deadlines, every
 * extension, hearing, order and direction, and how the case stands against its time limits.
 */
public record ProceedingsView(
        long id,
        String childReference,
        String processInstanceId,
        ProceedingsStatus status,
        Instant requestedAt,
        String requestedBy,
        String reason,
        LocalDate legalPlanningMeetingOn,
        Boolean thresholdMet,
        String legalDecision,
        LocalDate letterSentOn,
        LocalDate preProceedingsMeetingOn,
        LocalDate issuedOn,
        String court,
        String caseNumber,
        Integer week,
        LocalDate originalDeadline,
        LocalDate currentDeadline,
        LocalDate concludedOn,
        OrderType finalOrder,
        Double durationWeeks,
        Risk risk,
        List<ExtensionView> extensions,
        List<HearingView> hearings,
        List<OrderView> orders,
        List<DirectionView> directions) {

    public record ExtensionView(int weeks, String reason, LocalDate grantedOn, LocalDate previousDeadline,
                                LocalDate newDeadline, String recordedBy) {
    }

    public record HearingView(long id, HearingType type, LocalDate heldOn, String outcome, LocalDate nextHearingOn,
                              HearingType nextHearingType, String recordedBy) {
    }

    public record OrderView(OrderType type, LocalDate madeOn) {
    }

    public record DirectionView(long id, String direction, String owner, LocalDate givenOn, LocalDate dueOn, String status,
                                LocalDate compliedOn, String complianceNote) {
    }
}
