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

    ChildController(Children children) {
        this.children = children;
    }

    @GetMapping("/{reference}")
    @Operation(summary = "A child's record: identity, legal status, allocations and decisions")
    ChildView child(@PathVariable String reference) {
        return children.get(reference);
    }
}
