package org.carepath.careleaver;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.carepath.web.IsoDate;

/** What the API takes about a care leaver. Dates are ISO 8601 ({@code 2096-03-01}). */
final class CareLeaverInput {

    static final String NOT_IN_EET = "not-in-education-employment-or-training";
    static final List<String> ACCOMMODATION_TYPES = List.of("staying-put", "staying-close", "with-parents-or-relatives",
            "supported-lodgings", "semi-independent", "independent", "foster-care", "childrens-home", "custody", "no-fixed-abode",
            "other");
    static final List<String> ACTIVITIES = List.of("higher-education", "further-education", "apprenticeship", "training",
            "employment", NOT_IN_EET);
    static final List<String> CONTACT_METHODS = List.of("in-person", "video", "phone", "message");

    private CareLeaverInput() {
    }

    /** The young person or their personal adviser asks for the pathway plan to be reviewed before it is due. */
    record ReviewRequest(
            @Schema(allowableValues = {"young-person", "personal-adviser"}) @NotNull(message = "is required")
            @Pattern(regexp = "young-person|personal-adviser", message = "must be young-person or personal-adviser") String requestedBy,
            @Schema(example = "2096-05-04") @NotNull(message = "is required") @IsoDate(notInFuture = true) String requestedOn,
            @NotBlank(message = "is required: why a review now") @Size(max = 2000) String reason) {
    }

    /** The personal adviser was in touch: a contact recorded completes the open keeping-in-touch task. */
    record Contact(
            @Schema(example = "2096-05-04") @NotNull(message = "is required") @IsoDate(notInFuture = true) String contactedOn,
            @Schema(allowableValues = {"in-person", "video", "phone", "message"}) @NotNull(message = "is required")
            @Pattern(regexp = "in-person|video|phone|message", message = "must be in-person, video, phone or message") String method,
            @NotBlank(message = "is required") @Size(max = 4000) String note) {
    }

    /** The young person's circumstances from a day on (the figures are counted from these). */
    record CircumstancesFrom(
            @Schema(example = "2096-05-04") @NotNull(message = "is required") @IsoDate(notInFuture = true) String from,
            @NotNull(message = "is required") String accommodationType,
            @NotNull(message = "is required") Boolean accommodationSuitable,
            @Schema(description = "a move into accommodation the authority provides: the personal adviser visits within 7 days")
            Boolean providedByAuthority,
            @NotNull(message = "is required") String activity,
            Boolean inCustody,
            Boolean parent) {
    }

    /** A young person over 21 said they want no more support; they were told they may come back before 25. */
    record SupportDeclined(
            @Schema(example = "2101-06-01") @NotNull(message = "is required") @IsoDate(notInFuture = true) String declinedOn,
            @NotBlank(message = "is required: how the young person was told they may ask for support again before 25")
            @Size(max = 2000) String rightToReturnExplained) {
    }

    /** A young person who declined support asks for it again before 25. */
    record SupportAskedForAgain(
            @Schema(example = "2102-01-10") @NotNull(message = "is required") @IsoDate(notInFuture = true) String askedOn) {
    }
}
