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

/**
 * The young person's circumstances from a day on, as the statutory return counts them: kept as a history so that
 * any month's figures are computed from what held then.
 */
@Entity
class Circumstances {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "care_leaver_id")
    private CareLeaver careLeaver;
    private LocalDate recordedOn;
    private String accommodationType;
    private boolean accommodationSuitable;
    private boolean providedByAuthority;
    private String activity;
    private boolean stayingPut;
    private boolean stayingClose;
    private boolean inCustody;
    private boolean parent;
    private String recordedBy;
    private Instant recordedAt;

    protected Circumstances() {
    }

    Circumstances(CareLeaver careLeaver, LocalDate recordedOn, String accommodationType, boolean accommodationSuitable,
                  boolean providedByAuthority, String activity, boolean stayingPut, boolean stayingClose, boolean inCustody,
                  boolean parent, String recordedBy, Instant recordedAt) {
        this.careLeaver = careLeaver;
        this.recordedOn = recordedOn;
        this.accommodationType = accommodationType;
        this.accommodationSuitable = accommodationSuitable;
        this.providedByAuthority = providedByAuthority;
        this.activity = activity;
        this.stayingPut = stayingPut;
        this.stayingClose = stayingClose;
        this.inCustody = inCustody;
        this.parent = parent;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    LocalDate recordedOn() {
        return recordedOn;
    }

    boolean accommodationSuitable() {
        return accommodationSuitable;
    }

    boolean inEducationEmploymentOrTraining() {
        return !CareLeaverInput.NOT_IN_EET.equals(activity);
    }

    boolean stayingPut() {
        return stayingPut;
    }

    String accommodationType() {
        return accommodationType;
    }

    CareLeaverView.CircumstancesView view() {
        return new CareLeaverView.CircumstancesView(id, recordedOn, accommodationType, accommodationSuitable, providedByAuthority,
                activity, inEducationEmploymentOrTraining(), stayingPut, stayingClose, inCustody, parent, recordedBy);
    }
}
