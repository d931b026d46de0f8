package org.carepath.proceedings;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A hearing as the local authority's solicitor records it: when, what kind, what happened, the next
 * hearing, the orders made, the court's directions (each becomes a tracked task for its owner) and any
 * extension of the 26 weeks. Dates are ISO 8601 ({@code 2026-03-13}).
 */
public record HearingInput(
        @Schema(implementation = HearingType.class) String type,
        @Schema(example = "2026-03-13") String heldOn,
        String outcome,
        @Schema(example = "2026-07-17") String nextHearingOn,
        @Schema(implementation = HearingType.class) String nextHearingType,
        List<OrderInput> orders,
        List<DirectionInput> directions,
        ExtensionInput extension) {

    public record OrderInput(@Schema(implementation = OrderType.class) String type, @Schema(example = "2026-03-13") String madeOn) {
    }

    /** A direction of the court: what, who in the council must do it (a CarePath username), and by when. */
    public record DirectionInput(String direction, @Schema(example = "practitioner") String owner,
                                 @Schema(example = "2026-04-10") String dueOn) {
    }

    /** An extension of the 26 weeks: at most 8 weeks at a time, with the court's reason. */
    public record ExtensionInput(Integer weeks, String reason, @Schema(example = "2026-08-20") String grantedOn) {
    }
}
