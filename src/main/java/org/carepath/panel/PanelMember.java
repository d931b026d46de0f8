package org.carepath.panel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;

/** A person on the central list: their role on panel, the panels they sit on, and when their appointment ends. */
@Entity
class PanelMember {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @Enumerated(EnumType.STRING)
    private PanelRole role;
    private LocalDate qualifiedOn;
    private LocalDate appointedOn;
    private LocalDate appointmentEndsOn;
    private Instant createdAt;
    private String createdBy;
    /** The CarePath user who signs in as this member (their scope: {@link PanelMembersScope}); null if none. */
    private String userId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "panel_member_panel_type", joinColumns = @JoinColumn(name = "member_id"))
    @Column(name = "panel_type")
    private Set<PanelType> panelTypes = new java.util.HashSet<>();

    protected PanelMember() {
    }

    PanelMember(String name, PanelRole role, Set<PanelType> panelTypes, LocalDate qualifiedOn, LocalDate appointedOn,
                LocalDate appointmentEndsOn, Instant createdAt, String createdBy, String userId) {
        this.userId = userId;
        this.name = name;
        this.role = role;
        this.panelTypes = new java.util.HashSet<>(panelTypes);
        this.qualifiedOn = qualifiedOn;
        this.appointedOn = appointedOn;
        this.appointmentEndsOn = appointmentEndsOn;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    Long id() {
        return id;
    }

    String userId() {
        return userId;
    }

    String name() {
        return name;
    }

    PanelRole role() {
        return role;
    }

    LocalDate qualifiedOn() {
        return qualifiedOn;
    }

    boolean sitsOn(PanelType type) {
        return panelTypes.contains(type);
    }

    /** Appointed on the day: the appointment has begun and has not ended. */
    boolean appointedOn(LocalDate day) {
        return !day.isBefore(appointedOn) && !day.isAfter(appointmentEndsOn);
    }

    LocalDate appointmentStartsOn() {
        return appointedOn;
    }

    LocalDate appointmentEndsOn() {
        return appointmentEndsOn;
    }

    PanelViews.Member view() {
        return new PanelViews.Member(id, name, role.name(), new TreeSet<>(panelTypes.stream().map(PanelType::name).toList()),
                qualifiedOn, appointedOn, appointmentEndsOn, userId);
    }
}
