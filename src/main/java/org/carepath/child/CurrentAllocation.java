package org.carepath.child;

import java.time.Instant;

/** A child's allocation as it stands: who holds the child's case, in which team, since when. */
public record CurrentAllocation(String childReference, String childName, String worker, String workerName, String teamName,
                                Instant from) {
}
