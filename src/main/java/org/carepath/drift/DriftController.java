package org.carepath.drift;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.carepath.access.ChildAccess;
import org.carepath.child.Children;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "Deadlines and drift alerts")
class DriftController {

    private final Deadlines deadlines;
    private final DriftAlerts alerts;
    private final Children children;
    private final ChildAccess access;

    DriftController(Deadlines deadlines, DriftAlerts alerts, Children children, ChildAccess access) {
        this.deadlines = deadlines;
        this.alerts = alerts;
        this.children = children;
        this.access = access;
    }

    @GetMapping("/children/{reference}/deadlines")
    @Operation(summary = "The child's open statutory deadlines, soonest first, with status on time / warning / overdue")
    List<DeadlineView> deadlines(@PathVariable String reference) {
        children.require(reference);
        return deadlines.openFor(reference);
    }

    @GetMapping("/children/{reference}/alerts")
    @Operation(summary = "The child's drift alerts: open ones first, then resolved ones with how many working days late")
    List<DriftAlertView> alerts(@PathVariable String reference) {
        children.require(reference);
        return alerts.forChild(reference);
    }

    @GetMapping("/alerts")
    @Operation(summary = "Every open drift alert about a child in your scope, oldest first (managers)")
    List<DriftAlertView> openAlerts() {
        return access.visible(alerts.open(), DriftAlertView::childReference, "open drift alerts");
    }
}
