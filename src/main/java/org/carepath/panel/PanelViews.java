package org.carepath.panel;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/** What the panel API answers. */
final class PanelViews {

    private PanelViews() {
    }

    /** @param userId the CarePath user who signs in as this member, if linked */
    record Member(Long id, String name, String role, Set<String> panelTypes, LocalDate qualifiedOn, LocalDate appointedOn,
                  LocalDate appointmentEndsOn, String userId) {
    }

    record InvitedMember(Long id, String name, String role, Boolean attended) {
    }

    /**
     * A case on the agenda. A child outside the viewer's scope keeps their place and time, but nothing about
     * them is shown.
     */
    record AgendaItem(Long bookingId, int position, LocalTime time, String child, String reason, Long deferrals,
                      Long deferredFrom, Papers papers, boolean outsideYourScope) {
    }

    /** The social worker's papers for a case: due by the sitting's papers deadline; late once it has passed without them. */
    record Papers(LocalDate dueBy, java.time.Instant receivedAt, boolean late) {
    }

    record Summary(Long id, String type, LocalDate date, LocalTime time, String day, String status, int capacity,
                   int casesBooked, int freePlaces, LocalDate papersDeadline, boolean papersDeadlinePassed) {
    }

    record Sitting(Long id, String type, LocalDate date, LocalTime time, String day, String place, String onlineLink,
                   String status, String cancelledReason, LocalDate rescheduledFrom, String rescheduledReason,
                   int capacity, int casesBooked, int freePlaces, LocalDate papersDeadline, boolean papersDeadlinePassed,
                   List<InvitedMember> members, QuorumRule.Quorum expectedQuorum, QuorumRule.Quorum actualQuorum,
                   java.time.Instant papersCirculatedAt, List<AgendaItem> agenda, long version) {
    }

    record Booking(Long id, Long sittingId, LocalDate sittingDate, String child, String reason, int position, LocalTime time,
                   String status, Long deferredFrom, long deferrals) {
    }

    /**
     * A supporting document of a child's booking: its name as given (made safe), the type its content shows, its size
     * and SHA-256 checksum (hex). The bytes are at {@code GET /api/panel-documents/{id}}.
     */
    record Document(Long id, Long sittingId, Long bookingId, String child, String fileName, String type, String mediaType,
                    long sizeBytes, String sha256, String title, String description, java.time.Instant uploadedAt, String uploadedBy) {
    }

    /** A request for panel and the journey it started. */
    record Request(String child, String reason, String requestedFrom, String requestedBy, String processInstanceId) {
    }

    /** What the panel recommended for a case, the actions it set and the agency decision on it. */
    record Outcome(Long id, Long sittingId, String panelType, LocalDate sittingDate, String recommendation, String rationale,
                   String recommendedPlanType, String recommendedContingency, java.time.Instant recommendedAt, String recommendedBy,
                   List<Action> actions, String agencyDecision, String agencyDecisionRationale, java.time.Instant decidedAt,
                   String decidedBy) {
    }

    record Action(int position, String action, String owner, LocalDate dueOn) {
    }

    /** The panel's part of the child's record: bookings (deferred ones too), deferrals counted, outcomes. */
    record ChildPanels(long deferrals, List<Booking> bookings, List<Outcome> outcomes) {
    }
}
