package org.carepath.child;

/**
 * What a list of many children shows of each: name, legal status and the allocation as it stands ({@code allocation}
 * null for a child not yet allocated).
 */
public record ChildSummary(String reference, String name, LegalStatus legalStatus, ChildView.AllocationView allocation) {
}
