package org.carepath.lookedafter;

import org.carepath.child.ChildRecordPart;
import org.springframework.stereotype.Component;

/** The child's latest period in care (with its permanence plan and actions) on the child's record. */
@Component
class LookedAfterRecordPart implements ChildRecordPart {

    private final LookedAfter lookedAfter;

    LookedAfterRecordPart(LookedAfter lookedAfter) {
        this.lookedAfter = lookedAfter;
    }

    @Override
    public String name() {
        return "periodInCare";
    }

    @Override
    public Object of(String childReference) {
        return lookedAfter.periods(childReference).stream().findFirst().orElse(null);
    }
}
