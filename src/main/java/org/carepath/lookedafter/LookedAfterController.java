package org.carepath.lookedafter;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.carepath.access.ChildAccess;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Every route names the child, so the scope rule (404 outside it) applies before anything is read or written. */
@RestController
@Tag(name = "Children looked after", description = "Periods in care, placements, the permanence plan and the IRO;"
        + " the care plan, reviews, planning meetings and visits are recorded through their tasks and read here")
class LookedAfterController {

    private final LookedAfter lookedAfter;
    private final ChildAccess access;

    LookedAfterController(LookedAfter lookedAfter, ChildAccess access) {
        this.lookedAfter = lookedAfter;
        this.access = access;
    }

    @GetMapping("/api/children/{reference}/periods-in-care")
    @Operation(summary = "The child's periods in care, newest first, each with its placements, care plan, reviews, planning"
            + " meetings, visits, permanence plan (and its history) and actions")
    List<PeriodInCareView> periods(@PathVariable String reference) {
        access.require(reference);
        return lookedAfter.periods(reference);
    }

    @PostMapping("/api/children/{reference}/periods-in-care")
    @Operation(summary = "The child became looked after under section 20 (with the parents' consent), emergency or police"
            + " protection: starts the looked-after journey. Orders of the court come through care proceedings.")
    ResponseEntity<PeriodInCareView> becameLookedAfter(@PathVariable String reference,
                                                       @RequestBody LookedAfterInput.BecameLookedAfter input) {
        access.require(reference);
        return ResponseEntity.status(201).body(lookedAfter.becameLookedAfter(reference, input));
    }

    @PostMapping("/api/children/{reference}/periods-in-care/current/end")
    @Operation(summary = "Accommodation or protection ended (the child returned home): the period and its journey end")
    PeriodInCareView leftCare(@PathVariable String reference, @RequestBody LookedAfterInput.LeftCare input) {
        access.require(reference);
        return lookedAfter.leftCare(reference, input);
    }

    @PostMapping("/api/children/{reference}/placements")
    @Operation(summary = "A placement starts; if the child is placed already this is a move, and the current placement ends that day")
    ResponseEntity<PeriodInCareView> place(@PathVariable String reference, @RequestBody LookedAfterInput.Placement input) {
        access.require(reference);
        return ResponseEntity.status(201).body(lookedAfter.place(reference, input));
    }

    @PostMapping("/api/children/{reference}/placements/{placementId}/end")
    @Operation(summary = "The current placement ended without a new one (e.g. the child went missing or into hospital)")
    PeriodInCareView endPlacement(@PathVariable String reference, @PathVariable long placementId,
                                  @RequestBody LookedAfterInput.PlacementEnded input) {
        access.require(reference);
        return lookedAfter.endPlacement(reference, placementId, input);
    }

    @PostMapping("/api/children/{reference}/permanence-plan")
    @Operation(summary = "Record the permanence plan ratified by a review or by the agency decision after a panel: the"
            + " planning meetings stop, and a plan to grow up away from home starts life-story work")
    ResponseEntity<PeriodInCareView> permanencePlan(@PathVariable String reference, @RequestBody LookedAfterInput.PermanencePlan input) {
        access.require(reference);
        return ResponseEntity.status(201).body(lookedAfter.recordPermanencePlan(reference, input));
    }

    @PutMapping("/api/children/{reference}/periods-in-care/current/iro")
    @Operation(summary = "The child's independent reviewing officer, who chairs their reviews")
    PeriodInCareView iro(@PathVariable String reference, @RequestBody LookedAfterInput.Iro input) {
        access.require(reference);
        return lookedAfter.allocateIro(reference, input);
    }
}
