package org.carepath.child;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The child record as the API and other modules see it. */
public record ChildView(
        String reference,
        String givenName,
        String familyName,
        LocalDate dateOfBirth,
        Gender gender,
        String ethnicity,
        LegalStatus legalStatus,
        List<LegalStatusView> legalStatusHistory,
        Instant createdAt,
        AllocationView allocatedWorker,
        List<AllocationView> allocations,
        List<DecisionView> decisions) {

    public String name() {
        return givenName + " " + familyName;
    }

    public record AllocationView(String worker, String workerName, String team, String teamName, Instant from, Instant to,
                                 String allocatedBy, String reason) {
    }

    public record LegalStatusView(LegalStatus legalStatus, LocalDate effectiveOn, String reason) {
    }

    public record DecisionView(String decision, String outcome, String rationale, String decidedBy, Instant decidedAt,
                               String processInstanceId) {
    }
}
