package org.carepath.proceedings;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** An extension of the 26 weeks granted by the court (Children Act 1989 s.32(5)), with its reason. */
@Entity
class ProceedingsExtension {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "proceedings_id")
    private CareProceedings proceedings;
    private int weeks;
    private String reason;
    private LocalDate grantedOn;
    private LocalDate previousDeadline;
    private LocalDate newDeadline;
    private String recordedBy;
    private Instant recordedAt;

    protected ProceedingsExtension() {
    }

    ProceedingsExtension(CareProceedings proceedings, int weeks, String reason, LocalDate grantedOn, LocalDate previousDeadline,
                         LocalDate newDeadline, String recordedBy, Instant recordedAt) {
        this.proceedings = proceedings;
        this.weeks = weeks;
        this.reason = reason;
        this.grantedOn = grantedOn;
        this.previousDeadline = previousDeadline;
        this.newDeadline = newDeadline;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    ProceedingsView.ExtensionView view() {
        return new ProceedingsView.ExtensionView(weeks, reason, grantedOn, previousDeadline, newDeadline, recordedBy);
    }
}
