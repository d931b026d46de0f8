package org.carepath.child;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A worker allocated to a child for a period: the history shows every change of social worker. */
@Entity
class Allocation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "child_id")
    private Child child;
    private String worker;
    private String workerName;
    private String team;
    private String teamName;
    private Instant allocatedFrom;
    private Instant allocatedTo;
    private String allocatedBy;
    private String reason;

    protected Allocation() {
    }

    Allocation(Child child, String worker, String workerName, String team, String teamName, Instant from, String allocatedBy,
               String reason) {
        this.child = child;
        this.worker = worker;
        this.workerName = workerName;
        this.team = team;
        this.teamName = teamName;
        this.allocatedFrom = from;
        this.allocatedBy = allocatedBy;
        this.reason = reason;
    }

    boolean current() {
        return allocatedTo == null;
    }

    Instant from() {
        return allocatedFrom;
    }

    String worker() {
        return worker;
    }

    String team() {
        return team;
    }

    void end(Instant at) {
        allocatedTo = at;
    }

    ChildView.AllocationView view() {
        return new ChildView.AllocationView(worker, workerName, team, teamName, allocatedFrom, allocatedTo, allocatedBy, reason);
    }
}
