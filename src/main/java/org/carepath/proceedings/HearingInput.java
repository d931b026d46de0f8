package org.carepath.proceedings;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.carepath.web.IsoDate;
import org.carepath.web.OneOf;

/**
 * A hearing as the local authority's solicitor records it: when, what kind, what happened, the next
 * hearing, the orders made, the court's directions (each becomes a tracked task for its owner) and any
 * extension of the 26 weeks. Dates are ISO 8601 ({@code 2026-03-13}). What can be checked on the
 * request alone is declared here; {@link ProceedingsChecks} adds what depends on the case.
 */
public record HearingInput(
        @Schema(implementation = HearingType.class) @NotNull(message = "is required") @OneOf(HearingType.class) String type,
        @Schema(example = "2026-03-13") @NotNull(message = "is required") @IsoDate(notInFuture = true) String heldOn,
        @NotBlank(message = "is required: what the court decided") @Size(max = 20000) String outcome,
        @Schema(example = "2026-07-17") @IsoDate String nextHearingOn,
        @Schema(implementation = HearingType.class) @OneOf(HearingType.class) String nextHearingType,
        List<@NotNull(message = "is required") @Valid OrderInput> orders,
        List<@NotNull(message = "is required") @Valid DirectionInput> directions,
        @Valid ExtensionInput extension) {

    /** An order of the court; made on the day of the hearing unless {@code madeOn} says otherwise. */
    public record OrderInput(
            @Schema(implementation = OrderType.class) @NotNull(message = "is required") @OneOf(OrderType.class) String type,
            @Schema(example = "2026-03-13") @IsoDate(notInFuture = true) String madeOn) {
    }

    /** A direction of the court: what, who in the council must do it (a CarePath username), and by when. */
    public record DirectionInput(
            @NotBlank(message = "is required: what the court directed") @Size(max = 2000) String direction,
            @Schema(example = "practitioner") @NotBlank(message = "is required: who in the council must do it") String owner,
            @Schema(example = "2026-04-10") @NotNull(message = "is required") @IsoDate String dueOn) {
    }

    /** An extension of the 26 weeks: whole weeks, at most 8 at a time, with the court's reason; granted today unless said. */
    public record ExtensionInput(
            @NotNull(message = "is required") @Min(value = 1, message = "must be at least 1 week") Integer weeks,
            @NotBlank(message = "is required: why the court extended the time limit") @Size(max = 5000) String reason,
            @Schema(example = "2026-08-20") @IsoDate(notInFuture = true) String grantedOn) {
    }
}
