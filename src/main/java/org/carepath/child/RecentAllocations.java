package org.carepath.child;

import java.util.List;

/**
 * A child's allocations that were current at some time since a given moment, oldest first: the last one is the
 * allocation as it stands; each one after the first started a change of worker (or of team) within the window.
 */
public record RecentAllocations(String childReference, String childName, List<ChildView.AllocationView> allocations) {
}
