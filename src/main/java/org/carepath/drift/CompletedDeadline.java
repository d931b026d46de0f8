package org.carepath.drift;

import java.time.LocalDate;

/**
 * A tracked stage whose work was done, as recorded on its deadline: when its clock started, when the work was first
 * due (before any extension), when it was due in the end, and the day it was done. {@code stage} is the id of the
 * journey's step the clock ran on: two stages may share a timescale (the section 47 enquiry runs on the initial
 * conference's clock), and only the stage says which work was done.
 */
public record CompletedDeadline(String childReference, String timescale, String stage, String work, LocalDate triggerDate,
                                LocalDate originalDueDate, LocalDate dueDate, LocalDate completedOn) {

    /** Done by the day it was first due: an extension does not make late work on time. */
    public boolean onTime() {
        return !completedOn.isAfter(originalDueDate);
    }
}
