package org.carepath.panel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;

/**
 * What the panel recommended for a case it heard, with its reasons and the actions it set, and what the agency
 * decision maker then decided: the panel's part of the child's record.
 */
@Entity
class PanelOutcome {

    enum AgencyDecision { ACCEPTED, NOT_ACCEPTED, MORE_INFORMATION }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne
    @JoinColumn(name = "booking_id")
    private PanelBooking booking;
    private String childReference;
    private String recommendation;
    private String recommendationRationale;
    private String recommendedPlanType;
    private String recommendedContingency;
    private Instant recommendedAt;
    private String recommendedBy;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private AgencyDecision agencyDecision;
    private String agencyDecisionRationale;
    private Instant decidedAt;
    private String decidedBy;

    @OneToMany(mappedBy = "outcome", cascade = CascadeType.ALL)
    @OrderBy("position")
    private List<Action> actions = new ArrayList<>();

    protected PanelOutcome() {
    }

    PanelOutcome(PanelBooking booking, String recommendation, String rationale, String planType, String contingency,
                 Instant at, String by) {
        this.booking = booking;
        this.childReference = booking.childReference();
        this.recommendation = recommendation;
        this.recommendationRationale = rationale;
        this.recommendedPlanType = planType;
        this.recommendedContingency = contingency;
        this.recommendedAt = at;
        this.recommendedBy = by;
    }

    Long id() {
        return id;
    }

    PanelBooking booking() {
        return booking;
    }

    List<Action> actions() {
        return actions;
    }

    void action(String action, String owner, LocalDate dueOn) {
        actions.add(new Action(this, actions.size() + 1, action, owner, dueOn));
    }

    void decided(AgencyDecision decision, String rationale, Instant at, String by) {
        this.agencyDecision = decision;
        this.agencyDecisionRationale = rationale;
        this.decidedAt = at;
        this.decidedBy = by;
    }

    PanelViews.Outcome view() {
        var sitting = booking.sitting();
        return new PanelViews.Outcome(id, sitting.id(), sitting.type().name(), sitting.date(), recommendation,
                recommendationRationale, recommendedPlanType, recommendedContingency, recommendedAt, recommendedBy,
                actions.stream().map(a -> new PanelViews.Action(a.position, a.action, a.owner, a.dueOn)).toList(),
                agencyDecision == null ? null : agencyDecision.name(), agencyDecisionRationale, decidedAt, decidedBy);
    }

    /** One action the panel set: who does it and by when. */
    @Entity(name = "PanelAction")
    @jakarta.persistence.Table(name = "panel_action")
    static class Action {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        private Long id;
        @ManyToOne
        @JoinColumn(name = "outcome_id")
        private PanelOutcome outcome;
        private int position;
        private String action;
        private String owner;
        private LocalDate dueOn;

        protected Action() {
        }

        Action(PanelOutcome outcome, int position, String action, String owner, LocalDate dueOn) {
            this.outcome = outcome;
            this.position = position;
            this.action = action;
            this.owner = owner;
            this.dueOn = dueOn;
        }

        String action() {
            return action;
        }

        String owner() {
            return owner;
        }

        LocalDate dueOn() {
            return dueOn;
        }
    }
}
