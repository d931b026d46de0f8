package org.carepath.child;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A decision about the child, with its rationale, who made it and when. */
@Entity
class ChildDecision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "child_id")
    private Child child;
    private String decision;
    private String outcome;
    private String rationale;
    private String decidedBy;
    private Instant decidedAt;
    private String processInstanceId;
    private String taskId;

    protected ChildDecision() {
    }

    ChildDecision(Child child, String decision, String outcome, String rationale, String decidedBy, Instant decidedAt,
                  String processInstanceId, String taskId) {
        this.child = child;
        this.decision = decision;
        this.outcome = outcome;
        this.rationale = rationale;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
        this.processInstanceId = processInstanceId;
        this.taskId = taskId;
    }

    ChildView.DecisionView view() {
        return new ChildView.DecisionView(decision, outcome, rationale, decidedBy, decidedAt, processInstanceId);
    }
}
