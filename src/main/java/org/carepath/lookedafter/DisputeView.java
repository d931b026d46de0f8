package org.carepath.lookedafter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An IRO's dispute as the API and other modules see it, with each stage's response. */
public record DisputeView(long id, String childReference, String processInstanceId, String concern, String raisedBy,
                          Instant raisedAt, LocalDate raisedOn, DisputeStage currentStage, DisputeStatus status,
                          LocalDate resolvedOn, LocalDate referredToCafcassOn, LocalDate closedOn, List<Response> responses) {

    /** One manager's response at one stage, and what the IRO made of it. */
    public record Response(DisputeStage stage, String respondedBy, Instant respondedAt, String position, String action,
                           LocalDate actionBy, String rationale, String consideredBy, Instant consideredAt,
                           String iroOutcome, String iroRationale) {
    }
}
