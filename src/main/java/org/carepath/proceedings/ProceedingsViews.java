package org.carepath.proceedings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Objects;

import org.carepath.drift.DeadlineStatus;
import org.carepath.drift.DeadlineView;
import org.carepath.drift.Deadlines;
import org.carepath.timescale.Timescales;
import org.springframework.stereotype.Component;

/** A case as managers and the API see it: with its week of the 26 and its risk of missing them. */
@Component
class ProceedingsViews {

    static final String ISSUES_RESOLUTION_HEARING = "ISSUES_RESOLUTION_HEARING";

    private final Deadlines deadlines;
    private final Timescales timescales;

    ProceedingsViews(Deadlines deadlines, Timescales timescales) {
        this.deadlines = deadlines;
        this.timescales = timescales;
    }

    ProceedingsView view(CareProceedings proceedings) {
        var today = timescales.today();
        return proceedings.view(today, risk(proceedings, today));
    }

    private Risk risk(CareProceedings proceedings, LocalDate today) {
        if (!proceedings.status().live()) {
            return null;
        }
        var open = new ArrayList<DeadlineView>(deadlines.openForProcess(proceedings.processInstanceId()));
        proceedings.directions().stream().filter(CourtDirection::open).map(CourtDirection::processInstanceId)
                .filter(Objects::nonNull).forEach(pid -> open.addAll(deadlines.openForProcess(pid)));
        if (proceedings.status() == ProceedingsStatus.ISSUED) {
            if (today.isAfter(proceedings.currentDeadline())) {
                return Risk.RED;
            }
            if (!proceedings.issuesResolutionHearingListed()) {
                // when the issues resolution hearing should be, from the catalogue (a council may set its own)
                if (today.isAfter(timescales.dueDate(ISSUES_RESOLUTION_HEARING, proceedings.issuedOn()))) {
                    return Risk.RED;
                }
                if (!today.isBefore(timescales.warningDate(ISSUES_RESOLUTION_HEARING, proceedings.issuedOn()))) {
                    return Risk.AMBER;
                }
            }
        }
        if (open.stream().anyMatch(d -> d.status() == DeadlineStatus.OVERDUE)) {
            return Risk.RED;
        }
        if (open.stream().anyMatch(d -> d.status() == DeadlineStatus.WARNING)) {
            return Risk.AMBER;
        }
        return Risk.GREEN;
    }
}
