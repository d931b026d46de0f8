package org.carepath.child;

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

/** The child's legal status from a date, and why (the order that made it so). */
@Entity
class LegalStatusChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "child_id")
    private Child child;
    @Enumerated(EnumType.STRING)
    private LegalStatus legalStatus;
    private LocalDate effectiveOn;
    private String reason;
    private Instant recordedAt;

    protected LegalStatusChange() {
    }

    LegalStatusChange(Child child, LegalStatus legalStatus, LocalDate effectiveOn, String reason, Instant recordedAt) {
        this.child = child;
        this.legalStatus = legalStatus;
        this.effectiveOn = effectiveOn;
        this.reason = reason;
        this.recordedAt = recordedAt;
    }

    LocalDate effectiveOn() {
        return effectiveOn;
    }

    ChildView.LegalStatusView view() {
        return new ChildView.LegalStatusView(legalStatus, effectiveOn, reason);
    }
}
