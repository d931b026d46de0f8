package org.carepath.panel;

import org.carepath.access.ChildScope;
import org.carepath.identity.Viewer;
import org.carepath.timescale.Timescales;
import org.springframework.stereotype.Component;

/**
 * A panel member who signs in (a user linked to a member of the central list) sees a child while the child is
 * booked on an open sitting they are invited to: not cancelled, and not past its day.
 */
@Component
class PanelMembersScope implements ChildScope {

    private final PanelSittingRepository sittings;
    private final Timescales timescales;

    PanelMembersScope(PanelSittingRepository sittings, Timescales timescales) {
        this.sittings = sittings;
        this.timescales = timescales;
    }

    @Override
    public boolean includes(Viewer viewer, String childReference) {
        return viewer.userId() != null && sittings.isBookedOnAnOpenSittingOf(childReference, viewer.userId(), timescales.today());
    }

    @Override
    public java.util.Set<String> included(Viewer viewer, java.util.Collection<String> childReferences) {
        if (viewer.userId() == null) {
            return java.util.Set.of();
        }
        var booked = new java.util.HashSet<>(sittings.childrenBookedOnOpenSittingsOf(viewer.userId(), timescales.today()));
        booked.retainAll(java.util.Set.copyOf(childReferences));
        return booked;
    }
}
