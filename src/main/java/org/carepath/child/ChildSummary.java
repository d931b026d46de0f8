package org.carepath.child;

/**
 * What a list of many children shows of each: name, legal status and the allocation as it stands ({@code allocation}
 * null for a child not yet allocated).
 */
public record ChildSummary(String reference, String name, LegalStatus legalStatus, Allocated allocation) {

    /** Who holds the child's case now, in which team. */
    public record Allocated(String worker, String workerName, String team, String teamName) {
    }
}
