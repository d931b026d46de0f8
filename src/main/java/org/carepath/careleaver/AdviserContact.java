package org.carepath.careleaver;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** The personal adviser in touch with the young person: how, and what came of it. */
@Entity
class AdviserContact {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "care_leaver_id")
    private CareLeaver careLeaver;
    private LocalDate contactedOn;
    private String method;
    private boolean afterMove;
    private String note;
    private String recordedBy;
    private Instant recordedAt;

    protected AdviserContact() {
    }

    AdviserContact(CareLeaver careLeaver, LocalDate contactedOn, String method, boolean afterMove, String note, String recordedBy,
                   Instant recordedAt) {
        this.careLeaver = careLeaver;
        this.contactedOn = contactedOn;
        this.method = method;
        this.afterMove = afterMove;
        this.note = note;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    LocalDate contactedOn() {
        return contactedOn;
    }

    CareLeaverView.ContactView view() {
        return new CareLeaverView.ContactView(id, contactedOn, method, afterMove, note, recordedBy);
    }
}
