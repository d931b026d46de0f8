package org.carepath.adoption;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.carepath.web.IsoDate;
import org.carepath.web.OneOf;

/** What the adoption API takes. Dates are ISO 8601 ({@code 2026-09-07}). */
final class AdoptionInput {

    private AdoptionInput() {
    }

    /** A household approved to adopt, and what the approval covers. */
    record Adopter(
            @Schema(example = "Jen and Mo Ashworth") @NotBlank(message = "is required") @Size(max = 200) String householdName,
            @NotEmpty(message = "is required: who is in the household") @Size(max = 10) List<@NotNull(message = "is required") @Valid Member> household,
            @Schema(implementation = AgencyType.class) @NotNull(message = "is required") @OneOf(AgencyType.class) String agencyType,
            @Schema(example = "Adopt North") @NotBlank(message = "is required") @Size(max = 200) String agencyName,
            @Schema(example = "2026-06-01") @NotNull(message = "is required") @IsoDate(notInFuture = true) String approvedOn,
            @Schema(example = "Adoption panel of 12 May 2026; agency decision maker, 20 May 2026")
            @NotBlank(message = "is required: the panel and agency decision behind the approval") @Size(max = 500) String approvalDecidedBy,
            @NotNull(message = "is required") @Min(value = 1, message = "must be at least 1") @Max(value = 6, message = "must be at most 6") Integer approvedChildren,
            @NotNull(message = "is required") @Min(value = 0, message = "must be at least 0") @Max(value = 17, message = "must be at most 17") Integer approvedAgeFrom,
            @NotNull(message = "is required") @Min(value = 0, message = "must be at least 0") @Max(value = 17, message = "must be at most 17") Integer approvedAgeTo,
            @NotNull(message = "is required") Boolean siblingGroups,
            @NotBlank(message = "is required: the needs they can meet") @Size(max = 5000) String needsTheyCanMeet) {
    }

    record Member(
            @NotBlank(message = "is required") @Size(max = 200) String name,
            @Schema(example = "prospective adopter") @NotBlank(message = "is required") @Size(max = 100) String relationship,
            @IsoDate(notInFuture = true) String dateOfBirth) {
    }

    /** A change of the household's status: on hold, back to approved, or withdrawn. */
    record StatusChange(
            @Schema(allowableValues = {"APPROVED", "ON_HOLD", "WITHDRAWN"}) @NotNull(message = "is required") @OneOf(AdopterStatus.class) String status,
            @NotNull(message = "is required") @IsoDate(notInFuture = true) String changedOn,
            @NotBlank(message = "is required: why") @Size(max = 2000) String reason) {
    }

    /** The household linked with a child, or with siblings to be placed together. */
    record Link(
            @NotEmpty(message = "is required: the child, or the siblings placed together") @Size(max = 6)
            List<@NotBlank(message = "is required") @Size(max = 16) String> children,
            @NotNull(message = "is required") @IsoDate(notInFuture = true) String linkedOn) {
    }

    /** The adoptive placement ended before the adoption order. */
    record PlacementEnded(
            @NotNull(message = "is required") @IsoDate(notInFuture = true) String endedOn,
            @NotBlank(message = "is required: why the placement ended") @Size(max = 5000) String reason) {
    }

    /** A change of the child's plan away from adoption, for the permanence panel and the agency decision maker. */
    record ChangeOfPlan(
            @Schema(implementation = org.carepath.lookedafter.PermanencePlanType.class, example = "LONG_TERM_FOSTERING")
            @NotNull(message = "is required: the plan proposed instead") @OneOf(org.carepath.lookedafter.PermanencePlanType.class) String proposedPlan,
            @NotBlank(message = "is required: why adoption is no longer the plan") @Size(max = 5000) String reason) {
    }

    /** The child placed with approved adopters as their foster carers before a match. */
    record EarlyPermanence(
            @NotNull(message = "is required: the prospective adopters fostering the child") Long adopterId,
            @Schema(allowableValues = {"FOSTERING_FOR_ADOPTION", "CONCURRENT_PLANNING"}) @NotNull(message = "is required")
            @OneOf(EarlyPermanencePlacement.Kind.class) String kind,
            @NotNull(message = "is required") @IsoDate(notInFuture = true) String startedOn) {
    }
}
