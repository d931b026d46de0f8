package org.carepath.drift;

import java.time.Instant;
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
import org.carepath.timescale.TimescaleUnit;

/** An extension of a deadline, granted for a reason on a date; the earlier due date stays on record. */
@Entity
class DeadlineExtension {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "deadline_id")
    private Deadline deadline;
    private int amount;
    @Enumerated(EnumType.STRING)
    private TimescaleUnit unit;
    private String reason;
    private LocalDate grantedOn;
    private LocalDate previousDueDate;
    private LocalDate newDueDate;
    private String recordedBy;
    private Instant recordedAt;

    protected DeadlineExtension() {
    }

    DeadlineExtension(Deadline deadline, int amount, TimescaleUnit unit, String reason, LocalDate grantedOn,
                      LocalDate previousDueDate, LocalDate newDueDate, String recordedBy, Instant recordedAt) {
        this.deadline = deadline;
        this.amount = amount;
        this.unit = unit;
        this.reason = reason;
        this.grantedOn = grantedOn;
        this.previousDueDate = previousDueDate;
        this.newDueDate = newDueDate;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }
}
