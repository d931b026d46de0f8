package org.carepath.referral;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

@Entity
class Referral {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String childReference;
    private Instant receivedAt;
    @Enumerated(EnumType.STRING)
    private ReferralSource source;
    private String concerns;
    private String referrerName;
    private String referrerOrganisation;
    private String referrerRole;
    private String referrerPhone;
    private String referrerEmail;
    private Instant recordedAt;
    private String recordedBy;
    private String processInstanceId;

    protected Referral() {
    }

    Referral(String childReference, ReferralRequest request, Instant recordedAt, String recordedBy, String processInstanceId) {
        this.childReference = childReference;
        this.receivedAt = request.receivedAtTime().toInstant();
        this.source = request.sourceValue();
        this.concerns = request.concerns().strip();
        this.referrerName = request.referrer().name().strip();
        this.referrerOrganisation = request.referrer().organisation();
        this.referrerRole = request.referrer().role();
        this.referrerPhone = request.referrer().phone();
        this.referrerEmail = request.referrer().email();
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
        this.processInstanceId = processInstanceId;
    }

    Long id() {
        return id;
    }

    ReferralView view() {
        return new ReferralView(id, childReference, receivedAt, source, concerns, referrerName, referrerOrganisation,
                referrerRole, recordedAt, recordedBy, processInstanceId);
    }
}
