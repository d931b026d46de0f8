package org.carepath.careleaver;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A goal of the pathway plan in one domain, and the action towards it: who does it, and by when. */
@Entity
class PlanGoal {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "plan_id")
    private PathwayPlan plan;
    private String domain;
    private String goal;
    private String action;
    private String actionOwner;
    private LocalDate actionDueOn;
    private LocalDate actionDoneOn;
    private String actionNote;
    private String processInstanceId;

    protected PlanGoal() {
    }

    PlanGoal(PathwayPlan plan, String domain, String goal, String action, String actionOwner, LocalDate actionDueOn) {
        this.plan = plan;
        this.domain = domain;
        this.goal = goal;
        this.action = action;
        this.actionOwner = actionOwner;
        this.actionDueOn = actionDueOn;
    }

    Long id() {
        return id;
    }

    String domain() {
        return domain;
    }

    String action() {
        return action;
    }

    String actionOwner() {
        return actionOwner;
    }

    LocalDate actionDueOn() {
        return actionDueOn;
    }

    void trackedBy(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void done(LocalDate on, String note) {
        actionDoneOn = on;
        actionNote = note;
    }

    CareLeaverView.GoalView view() {
        return new CareLeaverView.GoalView(id, domain, goal, action, actionOwner, actionDueOn, actionDoneOn, actionNote);
    }
}
