package org.carepath.careleaver;

import org.carepath.access.ChildScope;
import org.carepath.identity.Groups;
import org.carepath.identity.Viewer;
import org.springframework.stereotype.Component;

/** A personal adviser sees the young people allocated to them, between contacts as well as while a task is open. */
@Component
class PersonalAdvisersScope implements ChildScope {

    private final CareLeaverRepository careLeavers;

    PersonalAdvisersScope(CareLeaverRepository careLeavers) {
        this.careLeavers = careLeavers;
    }

    @Override
    public boolean includes(Viewer viewer, String childReference) {
        return viewer.in(Groups.PERSONAL_ADVISER) && viewer.userId() != null
                && careLeavers.existsByChildReferenceAndPersonalAdviser(childReference, viewer.userId());
    }

    @Override
    public java.util.Set<String> included(Viewer viewer, java.util.Collection<String> childReferences) {
        if (!viewer.in(Groups.PERSONAL_ADVISER) || viewer.userId() == null) {
            return java.util.Set.of();
        }
        var theirs = new java.util.HashSet<>(careLeavers.childrenOfPersonalAdviser(viewer.userId()));
        theirs.retainAll(java.util.Set.copyOf(childReferences));
        return theirs;
    }
}
