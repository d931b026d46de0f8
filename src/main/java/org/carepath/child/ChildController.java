package org.carepath.child;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/children")
@Tag(name = "Children", description = "The child record")
class ChildController {

    private final Children children;
    private final java.util.List<ChildRecordPart> parts;

    ChildController(Children children, java.util.List<ChildRecordPart> parts) {
        this.children = children;
        this.parts = parts;
    }

    @GetMapping("/{reference}")
    @Operation(summary = "A child's record: identity, legal status, allocations and decisions, and under 'parts' what each"
            + " journey keeps of the child (the current period in care with its permanence plan and actions; the permanence"
            + " panel's bookings, deferrals, recommendations and agency decisions)")
    ChildRecord child(@PathVariable String reference) {
        var child = children.get(reference);
        var more = new java.util.TreeMap<String, Object>();
        parts.forEach(part -> more.put(part.name(), part.of(reference)));
        return new ChildRecord(child, more);
    }
}
