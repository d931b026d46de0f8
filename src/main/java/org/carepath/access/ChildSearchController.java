package org.carepath.access;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.carepath.child.ChildView;
import org.carepath.child.Children;
import org.carepath.web.InvalidRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Children")
class ChildSearchController {

    static final int MOST = 50;

    private final Children children;
    private final ChildAccess access;

    ChildSearchController(Children children, ChildAccess access) {
        this.children = children;
        this.access = access;
    }

    @GetMapping("/api/children")
    @Operation(summary = "Find children in your scope whose reference, given or family name starts with the text")
    List<ChildView> search(@RequestParam String name) {
        if (name.isBlank() || name.strip().length() < 2) {
            throw new InvalidRequestException("name", "give at least 2 characters");
        }
        return access.visible(children.search(name, MOST), ChildView::reference, "search result");
    }
}
