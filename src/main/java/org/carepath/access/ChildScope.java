package org.carepath.access;

import org.carepath.identity.Viewer;

/**
 * A module's own reason for a user to see a child, beside the team, allocation and work rules of
 * {@link ChildAccess}: e.g. the panel administrator sees the children booked on the panel's open sittings.
 * Asked only when those rules have said no; answer quickly (one indexed query at most).
 */
public interface ChildScope {

    boolean includes(Viewer viewer, String childReference);

    /** Which of these children it includes: pages listing many children ask once, not once per child. */
    default java.util.Set<String> included(Viewer viewer, java.util.Collection<String> childReferences) {
        var included = new java.util.HashSet<String>();
        childReferences.stream().filter(reference -> includes(viewer, reference)).forEach(included::add);
        return included;
    }
}
