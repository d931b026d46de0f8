package org.carepath.panel;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.carepath.web.IsoDate;
import org.carepath.web.OneOf;

/** What the panel API takes. Dates are ISO 8601 ({@code 2027-01-12}), times of day in London ({@code 10:00}). */
final class PanelInput {

    static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9]";
    static final String TIME_MESSAGE = "must be a time of day in London, e.g. 10:00";

    private PanelInput() {
    }

    /** A person added to the central list of those who may sit on a panel. */
    record Member(
            @NotBlank(message = "is required") @Size(max = 200) String name,
            @Schema(implementation = PanelRole.class) @NotNull(message = "is required") @OneOf(PanelRole.class) String role,
            @Schema(example = "[\"PERMANENCE\", \"ADOPTION\"]") @NotEmpty(message = "is required: the panels they sit on")
            @Size(max = 4) List<@NotNull(message = "is required") String> panelTypes,
            @Schema(example = "2026-04-01") @NotNull(message = "is required") @IsoDate String appointedOn,
            @Schema(example = "2029-03-31") @NotNull(message = "is required") @IsoDate String appointmentEndsOn,
            @Schema(description = "When a social worker qualified (their post-qualifying experience counts for quorum)", example = "2015-07-01")
            @IsoDate(notInFuture = true) String qualifiedOn,
            @Schema(description = "The CarePath user who signs in as this member: they then see the children booked on the open"
                    + " sittings they are invited to, and those children's papers", example = "panel-member")
            @Size(max = 64) String userId) {
    }

    /** A sitting of a panel, with the members invited. */
    record Sitting(
            @Schema(description = "PERMANENCE, ADOPTION, MATCHING, FOSTERING, or a panel type of the council's own", example = "PERMANENCE")
            @NotNull(message = "is required") @Size(max = 20) String type,
            @Schema(example = "2027-01-12") @NotNull(message = "is required") @IsoDate String date,
            @Schema(example = "10:00") @NotNull(message = "is required") @Pattern(regexp = TIME, message = TIME_MESSAGE) String time,
            @Schema(example = "Committee room 2, County Hall") @Size(max = 500) String place,
            @Schema(example = "https://meet.example/panel") @Size(max = 500)
            @Pattern(regexp = "https://\\S+", message = "must be an https:// link") String onlineLink,
            @Schema(description = "Cases the sitting hears; the panel type's capacity if not given")
            @Min(value = 1, message = "must be at least 1") @Max(value = 20, message = "must be at most 20") Integer capacity,
            @Size(max = 30) List<@NotNull(message = "is required") Long> members) {
    }

    record Invitations(@NotEmpty(message = "is required: the members invited") @Size(max = 30) List<@NotNull(message = "is required") Long> members,
                       @Schema(description = "The sitting's version you last saw (its version field): when someone has changed the sitting since, the"
                    + " change is refused (409) so that you can look at it again; without it, the change is made on the sitting as it is now",
                    example = "3") @Min(value = 0, message = "must be 0 or more") Long version) {
    }

    /** The members who attended; every other member invited did not. */
    record Attendance(@NotNull(message = "is required: the members who attended (may be empty)") @Size(max = 30)
                      List<@NotNull(message = "is required") Long> attended,
                      @Schema(description = "The sitting's version you last saw (its version field): when someone has changed the sitting since, the"
                    + " change is refused (409) so that you can look at it again; without it, the change is made on the sitting as it is now",
                    example = "3") @Min(value = 0, message = "must be 0 or more") Long version) {
    }

    record Cancellation(@NotBlank(message = "is required: why the sitting is cancelled") @Size(max = 2000) String reason,
                        @Schema(description = "The sitting's version you last saw (its version field): when someone has changed the sitting since, the"
                    + " change is refused (409) so that you can look at it again; without it, the change is made on the sitting as it is now",
                    example = "3") @Min(value = 0, message = "must be 0 or more") Long version) {
    }

    record Rescheduling(
            @Schema(example = "2027-01-19") @NotNull(message = "is required") @IsoDate String date,
            @Schema(example = "10:00") @NotNull(message = "is required") @Pattern(regexp = TIME, message = TIME_MESSAGE) String time,
            @NotBlank(message = "is required: why the sitting moves") @Size(max = 2000) String reason,
            @Schema(description = "The sitting's version you last saw (its version field): when someone has changed the sitting since, the"
                    + " change is refused (409) so that you can look at it again; without it, the change is made on the sitting as it is now",
                    example = "3") @Min(value = 0, message = "must be 0 or more") Long version) {
    }

    /** A child booked onto a sitting, and the request that brought them. */
    record Booking(
            @Schema(example = "C-000123") @NotBlank(message = "is required: the child's reference") @Size(max = 16) String child,
            @NotBlank(message = "is required: the request for panel (what the panel is asked to consider, and who asked)")
            @Size(max = 5000) String reason,
            @Schema(example = "10:40", description = "The case's time on the agenda; after the cases before it if not given")
            @Pattern(regexp = TIME, message = TIME_MESSAGE) String time) {
    }

    /** The case moves to a later sitting of the same panel. */
    record Deferral(
            @NotNull(message = "is required: the later sitting") Long toSitting,
            @NotBlank(message = "is required: why the case is deferred") @Size(max = 2000) String reason) {
    }

    /** A team manager's request for panel: what the panel is asked to consider. */
    record Request(@NotBlank(message = "is required: what the panel is asked to consider") @Size(max = 5000) String reason,
                   @Schema(description = "Where the request comes from; a team manager's own request if not given",
                           allowableValues = {"LOOKED_AFTER_REVIEW", "PERMANENCE_PLANNING_MEETING", "SOCIAL_WORKER_WITH_TEAM_MANAGER_AGREEMENT"})
                   @Pattern(regexp = "LOOKED_AFTER_REVIEW|PERMANENCE_PLANNING_MEETING|SOCIAL_WORKER_WITH_TEAM_MANAGER_AGREEMENT",
                           message = "must be one of LOOKED_AFTER_REVIEW, PERMANENCE_PLANNING_MEETING, SOCIAL_WORKER_WITH_TEAM_MANAGER_AGREEMENT")
                   String requestedFrom) {
    }
}
