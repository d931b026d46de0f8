package org.carepath.careleaver;

import org.carepath.child.ChildRecordPart;
import org.springframework.stereotype.Component;

/** The young person's leaving-care record (status, plan, contacts) on the child's record, once they are eligible. */
@Component
class CareLeaverRecordPart implements ChildRecordPart {

    private final CareLeavers careLeavers;

    CareLeaverRecordPart(CareLeavers careLeavers) {
        this.careLeavers = careLeavers;
    }

    @Override
    public String name() {
        return "careLeaver";
    }

    @Override
    public Object of(String childReference) {
        return careLeavers.view(childReference);
    }
}
