package org.carepath.proceedings;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** What the court directed, who must do it and by when; tracked as its own process with a deadline. */
@Entity
class CourtDirection {

    enum Status { OPEN, COMPLIED, WITHDRAWN }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "proceedings_id")
    private CareProceedings proceedings;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "hearing_id")
    private Hearing hearing;
    private String direction;
    private String owner;
    private LocalDate givenOn;
    private LocalDate dueOn;
    @Enumerated(EnumType.STRING)
    private Status status;
    private LocalDate compliedOn;
    private String complianceNote;
    private String processInstanceId;

    protected CourtDirection() {
    }

    CourtDirection(CareProceedings proceedings, Hearing hearing, String direction, String owner, LocalDate givenOn, LocalDate dueOn) {
        this.proceedings = proceedings;
        this.hearing = hearing;
        this.direction = direction;
        this.owner = owner;
        this.givenOn = givenOn;
        this.dueOn = dueOn;
        this.status = Status.OPEN;
    }

    void trackedBy(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void complied(LocalDate on, String note) {
        status = Status.COMPLIED;
        compliedOn = on;
        complianceNote = note;
    }

    void withdrawn() {
        status = Status.WITHDRAWN;
    }

    Long id() {
        return id;
    }

    String direction() {
        return direction;
    }

    String owner() {
        return owner;
    }

    LocalDate dueOn() {
        return dueOn;
    }

    boolean open() {
        return status == Status.OPEN;
    }

    String processInstanceId() {
        return processInstanceId;
    }

    ProceedingsView.DirectionView view() {
        return new ProceedingsView.DirectionView(id, direction, owner, givenOn, dueOn, status.name(), compliedOn, complianceNote);
    }
}
