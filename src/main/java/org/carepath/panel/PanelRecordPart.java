package org.carepath.panel;

import org.carepath.child.ChildRecordPart;
import org.springframework.stereotype.Component;

/** The permanence panel's part of the child's record: bookings, deferrals, recommendations and agency decisions. */
@Component
class PanelRecordPart implements ChildRecordPart {

    private final PermanencePanels permanencePanels;

    PanelRecordPart(PermanencePanels permanencePanels) {
        this.permanencePanels = permanencePanels;
    }

    @Override
    public String name() {
        return "permanencePanel";
    }

    @Override
    public Object of(String childReference) {
        var panels = permanencePanels.of(childReference);
        return panels.bookings().isEmpty() ? null : panels;
    }
}
