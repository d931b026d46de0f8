package org.carepath.lookedafter;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.carepath.child.LegalStatus;
import org.carepath.web.IsoDate;
import org.carepath.web.OneOf;

/** What the API takes about a child in care. Dates are ISO 8601 ({@code 2026-09-07}). */
final class LookedAfterInput {

    private LookedAfterInput() {
    }

    /**
     * The child became looked after without an order of the court in care proceedings: accommodated under
     * section 20 with their parents' consent, or under emergency or police protection.
     */
    record BecameLookedAfter(
            @Schema(allowableValues = {"SECTION_20", "EMERGENCY_PROTECTION_ORDER", "POLICE_PROTECTION"})
            @NotNull(message = "is required") @OneOf(LegalStatus.class) String legalBasis,
            @Schema(example = "2026-09-07") @NotNull(message = "is required") @IsoDate(notInFuture = true) String startedOn,
            @Valid Consent parentalConsent) {
    }

    /** Who with parental responsibility agreed to the accommodation (section 20(7)), and when. */
    record Consent(
            @NotBlank(message = "is required: the parent who agreed") @Size(max = 200) String givenBy,
            @Schema(example = "2026-09-07") @NotNull(message = "is required") @IsoDate(notInFuture = true) String givenOn) {
    }

    /** Accommodation or protection ended (an order of the court ends through the court). */
    record LeftCare(
            @Schema(example = "2026-11-20") @NotNull(message = "is required") @IsoDate(notInFuture = true) String endedOn,
            @Schema(allowableValues = {"RETURNED_HOME", "OTHER"}) @NotNull(message = "is required") @OneOf(ReasonForLeaving.class) String reason,
            @Size(max = 2000) String detail) {
    }

    /** A placement starts; if the child is placed already, this is a move and the current placement ends that day. */
    record Placement(
            @Schema(implementation = PlacementType.class) @NotNull(message = "is required") @OneOf(PlacementType.class) String type,
            @NotBlank(message = "is required: the carer, home or provider") @Size(max = 200) String provider,
            @Schema(example = "LS1 4AP") @NotNull(message = "is required")
            @Pattern(regexp = "(?i)\\s*[A-Z]{1,2}[0-9][A-Z0-9]?\\s*[0-9][A-Z]{2}\\s*", message = "must be a UK postcode, e.g. LS1 4AP") String postcode,
            @Schema(example = "2026-09-07") @NotNull(message = "is required") @IsoDate(notInFuture = true) String startedOn,
            @Schema(description = "The plan is for the child to stay here until they are 18") Boolean longTerm,
            @Schema(description = "A connected person approved temporarily as a foster carer (reg 24)") Boolean temporaryApproval,
            @Size(max = 2000) String reasonForMove) {
    }

    record PlacementEnded(
            @Schema(example = "2026-11-20") @NotNull(message = "is required") @IsoDate(notInFuture = true) String endedOn,
            @NotBlank(message = "is required: why the placement ended") @Size(max = 2000) String reason) {
    }

    /** A permanence plan and the decision that ratified it (a looked-after review, or the agency decision after a panel). */
    record PermanencePlan(
            @Schema(implementation = PermanencePlanType.class) @NotNull(message = "is required") @OneOf(PermanencePlanType.class) String type,
            @NotBlank(message = "is required: the plan if this one cannot happen") @Size(max = 5000) String contingency,
            @Schema(example = "2026-11-20") @NotNull(message = "is required") @IsoDate(notInFuture = true) String ratifiedOn,
            @Schema(implementation = RatifiedBy.class) @NotNull(message = "is required") @OneOf(RatifiedBy.class) String ratifiedBy,
            @Size(max = 200) String reference) {
    }

    record Iro(@Schema(example = "iro") @NotBlank(message = "is required: the IRO's username") @Size(max = 64) String iro) {
    }
}
