package org.carepath.proceedings;

/** Hearings in care proceedings; the first, issues resolution and final hearings are the process's milestones. */
public enum HearingType {
    CASE_MANAGEMENT("Task_RecordCaseManagementHearing"),
    FURTHER_CASE_MANAGEMENT(null),
    INTERIM(null),
    ISSUES_RESOLUTION("Task_RecordIssuesResolutionHearing"),
    FINAL("Task_RecordFinalHearing");

    private final String task;

    HearingType(String task) {
        this.task = task;
    }

    /** The user task of care-proceedings.bpmn that waits for this hearing, if any. */
    String task() {
        return task;
    }
}
