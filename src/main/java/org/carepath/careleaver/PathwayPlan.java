package org.carepath.careleaver;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;

/**
 * One version of the pathway plan: the first (number 0), prepared with the needs assessment, or a review (1, 2...)
 * that says what changed since the last one. Each has goals in the domains, with an action, an owner and a due date.
 */
@Entity
class PathwayPlan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "care_leaver_id")
    private CareLeaver careLeaver;
    private int number;
    private boolean onRequest;
    private LocalDate recordedOn;
    private String youngPersonViews;
    private String contingency;
    private String changesSinceLastReview;
    private String recordedBy;
    private Instant recordedAt;
    @OneToMany(mappedBy = "plan", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<PlanGoal> goals = new ArrayList<>();

    protected PathwayPlan() {
    }

    PathwayPlan(CareLeaver careLeaver, int number, boolean onRequest, LocalDate recordedOn, String youngPersonViews, String contingency,
                String changesSinceLastReview, String recordedBy, Instant recordedAt) {
        this.careLeaver = careLeaver;
        this.number = number;
        this.onRequest = onRequest;
        this.recordedOn = recordedOn;
        this.youngPersonViews = youngPersonViews;
        this.contingency = contingency;
        this.changesSinceLastReview = changesSinceLastReview;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    int number() {
        return number;
    }

    LocalDate recordedOn() {
        return recordedOn;
    }

    List<PlanGoal> goals() {
        return goals;
    }

    void goal(PlanGoal goal) {
        goals.add(goal);
    }

    CareLeaverView.PlanView view() {
        return new CareLeaverView.PlanView(id, number, number == 0 ? "pathway-plan" : onRequest ? "review-on-request" : "review",
                recordedOn, youngPersonViews, contingency, changesSinceLastReview, recordedBy,
                goals.stream().map(PlanGoal::view).toList());
    }
}
