package org.carepath.panel;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A member invited to a sitting; whether they attended once attendance is recorded. */
@Entity
class PanelInvitation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne
    @JoinColumn(name = "sitting_id")
    private PanelSitting sitting;
    @ManyToOne
    @JoinColumn(name = "member_id")
    private PanelMember member;
    private Boolean attended;

    protected PanelInvitation() {
    }

    PanelInvitation(PanelSitting sitting, PanelMember member) {
        this.sitting = sitting;
        this.member = member;
    }

    PanelMember member() {
        return member;
    }

    Boolean attended() {
        return attended;
    }

    void attended(boolean attended) {
        this.attended = attended;
    }
}
