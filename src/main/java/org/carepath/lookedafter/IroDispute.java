package org.carepath.lookedafter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;

/**
 * A concern the child's IRO raised about the care plan (IRO Handbook dispute resolution), the stage it has
 * reached, each manager's response, and how it ended: resolved, referred to Cafcass, or closed because the
 * child left care.
 */
@Entity
class IroDispute {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String childReference;
    private String processInstanceId;
    private String concern;
    private String raisedBy;
    private Instant raisedAt;
    private LocalDate raisedOn;
    @Enumerated(EnumType.STRING)
    private DisputeStage currentStage;
    @Enumerated(EnumType.STRING)
    private DisputeStatus status;
    private LocalDate resolvedOn;
    private LocalDate referredToCafcassOn;
    private LocalDate closedOn;
    private String closedReason;

    @OneToMany(mappedBy = "dispute", cascade = CascadeType.ALL)
    @OrderBy("respondedAt, id")
    private List<IroDisputeResponse> responses = new ArrayList<>();

    protected IroDispute() {
    }

    IroDispute(String childReference, String concern, String raisedBy, Instant raisedAt, LocalDate raisedOn) {
        this.childReference = childReference;
        this.concern = concern;
        this.raisedBy = raisedBy;
        this.raisedAt = raisedAt;
        this.raisedOn = raisedOn;
        this.currentStage = DisputeStage.TEAM_MANAGER;
        this.status = DisputeStatus.OPEN;
    }

    void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void reached(DisputeStage stage) {
        currentStage = stage;
    }

    void responded(String by, Instant at, String position, String action, LocalDate actionBy, String rationale) {
        responses.add(new IroDisputeResponse(this, currentStage, by, at, position, action, actionBy, rationale));
    }

    /** The IRO considered the current stage's response; a resolved concern or a referral ends the dispute. */
    void considered(String by, Instant at, String outcome, String rationale, LocalDate on) {
        latestResponse().considered(by, at, outcome, rationale);
        switch (outcome) {
            case "resolved" -> {
                status = DisputeStatus.RESOLVED;
                resolvedOn = on;
            }
            case "refer-to-cafcass" -> {
                status = DisputeStatus.REFERRED_TO_CAFCASS;
                referredToCafcassOn = on;
            }
            default -> {
                // not resolved: it climbs to the next stage
            }
        }
    }

    void closeAsChildLeftCare(LocalDate on, String reason) {
        status = DisputeStatus.CLOSED_CHILD_LEFT_CARE;
        closedOn = on;
        closedReason = reason;
    }

    private IroDisputeResponse latestResponse() {
        return responses.stream().filter(response -> response.stage() == currentStage).reduce((first, second) -> second)
                .orElseThrow(() -> new IllegalStateException("No response at the " + currentStage + " stage of dispute " + id));
    }

    Long id() {
        return id;
    }

    String childReference() {
        return childReference;
    }

    String processInstanceId() {
        return processInstanceId;
    }

    DisputeStage currentStage() {
        return currentStage;
    }

    DisputeView view() {
        return new DisputeView(id, childReference, processInstanceId, concern, raisedBy, raisedAt, raisedOn, currentStage, status,
                resolvedOn, referredToCafcassOn, closedOn, responses.stream().map(IroDisputeResponse::view).toList());
    }
}
