package org.carepath.lookedafter;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A permanence planning meeting: who came and what was discussed; its decisions are tracked actions. */
@Entity
class PermanencePlanningMeeting {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "period_id")
    private PeriodInCare period;
    private LocalDate heldOn;
    private String attendedBy;
    private String discussion;
    private String recordedBy;
    private Instant recordedAt;

    protected PermanencePlanningMeeting() {
    }

    PermanencePlanningMeeting(PeriodInCare period, LocalDate heldOn, String attendedBy, String discussion, String recordedBy,
                              Instant recordedAt) {
        this.period = period;
        this.heldOn = heldOn;
        this.attendedBy = attendedBy;
        this.discussion = discussion;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    PeriodInCareView.MeetingView view() {
        return new PeriodInCareView.MeetingView(id, heldOn, attendedBy, discussion, recordedBy);
    }
}
