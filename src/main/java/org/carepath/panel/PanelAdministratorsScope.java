package org.carepath.panel;

import org.carepath.access.ChildScope;
import org.carepath.identity.Groups;
import org.carepath.identity.Viewer;
import org.carepath.timescale.Timescales;
import org.springframework.stereotype.Component;

/** The panel administrator sees a child while the child is booked on a sitting still to come that is not cancelled. */
@Component
class PanelAdministratorsScope implements ChildScope {

    private final PanelSittingRepository sittings;
    private final Timescales timescales;

    PanelAdministratorsScope(PanelSittingRepository sittings, Timescales timescales) {
        this.sittings = sittings;
        this.timescales = timescales;
    }

    @Override
    public boolean includes(Viewer viewer, String childReference) {
        return viewer.in(Groups.PANEL_ADMINISTRATOR) && sittings.isBookedOnAnOpenSitting(childReference, timescales.today());
    }

    @Override
    public java.util.Set<String> included(Viewer viewer, java.util.Collection<String> childReferences) {
        if (!viewer.in(Groups.PANEL_ADMINISTRATOR)) {
            return java.util.Set.of();
        }
        var booked = new java.util.HashSet<>(sittings.childrenBookedOnOpenSittings(timescales.today()));
        booked.retainAll(java.util.Set.copyOf(childReferences));
        return booked;
    }
}
