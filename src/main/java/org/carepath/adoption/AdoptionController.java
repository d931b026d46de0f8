package org.carepath.adoption;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Adoption", description = "Prospective adopters, their approval and status, and the children they are linked with")
class AdoptionController {

    private final ProspectiveAdopters adopters;
    private final AdoptionMatching matching;

    AdoptionController(ProspectiveAdopters adopters, AdoptionMatching matching) {
        this.adopters = adopters;
        this.matching = matching;
    }

    @PostMapping("/api/children/{reference}/early-permanence")
    @Operation(summary = "The child placed with approved adopters as their foster carers (fostering for adoption, concurrent"
            + " planning): stops the adoption scorecard's A10 clock if they become the child's adopters")
    ResponseEntity<EarlyPermanencePlacement.View> earlyPermanence(@PathVariable String reference,
                                                                  @RequestBody AdoptionInput.EarlyPermanence input) {
        return ResponseEntity.status(201).body(matching.earlyPermanence(reference, input));
    }

    @PostMapping("/api/children/{reference}/adoptive-placement/end")
    @Operation(summary = "The child's adoptive placement ended before the adoption order (a disruption): a disruption meeting"
            + " for the service manager, then family finding again")
    AdoptionCase.View disrupted(@PathVariable String reference, @RequestBody AdoptionInput.PlacementEnded input) {
        return matching.disrupted(reference, input);
    }

    @PostMapping("/api/children/{reference}/adoption/change-of-plan")
    @Operation(summary = "Propose a change of the child's plan away from adoption, with its reasons: it goes to the permanence"
            + " panel and the agency decision maker; agreed, the new plan is ratified and the adoption journey ends")
    ResponseEntity<AdoptionCase.View> changeOfPlan(@PathVariable String reference, @RequestBody AdoptionInput.ChangeOfPlan input) {
        return ResponseEntity.status(202).body(matching.changeOfPlan(reference, input));
    }

    @GetMapping("/api/adoption/scorecard")
    @Operation(summary = "The authority's adoption scorecard: A1, A2 and A10 averages for the children adopted in a period, and over"
            + " the three years to its end, with the children still waiting; computed from recorded dates")
    AuthorityScorecard scorecard(@RequestParam String from, @RequestParam String to) {
        var problems = new org.carepath.web.FieldProblems(new java.util.ArrayList<>());
        var start = date(problems, "from", from);
        var end = date(problems, "to", to);
        if (start != null && end != null && end.isBefore(start)) {
            problems.add("to", "must not be before from (" + start + ")");
        }
        problems.throwIfAny();
        return matching.authority(start, end);
    }

    private static java.time.LocalDate date(org.carepath.web.FieldProblems problems, String field, String value) {
        try {
            return java.time.LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            problems.add(field, "must be a date like 2026-04-01");
            return null;
        }
    }

    @GetMapping("/api/prospective-adopters")
    @Operation(summary = "Every household approved to adopt, by name, with its status and links")
    List<AdopterView> all() {
        return adopters.all();
    }

    @PostMapping("/api/prospective-adopters")
    @Operation(summary = "Record a household approved to adopt: who is in it, the approval behind it and what it covers")
    ResponseEntity<AdopterView> add(@RequestBody AdoptionInput.Adopter input) {
        return ResponseEntity.status(201).body(adopters.add(input));
    }

    @GetMapping("/api/prospective-adopters/{id}")
    @Operation(summary = "One household, with its status history and links")
    AdopterView get(@PathVariable long id) {
        return adopters.get(id);
    }

    @PostMapping("/api/prospective-adopters/{id}/status")
    @Operation(summary = "Put the household on hold, back to approved, or withdrawn, with the reason")
    AdopterView status(@PathVariable long id, @RequestBody AdoptionInput.StatusChange input) {
        return adopters.changeStatus(id, input);
    }

    @PostMapping("/api/prospective-adopters/{id}/links")
    @Operation(summary = "Link the household with a child, or siblings placed together: refused (400, saying why) when the"
            + " household is not approved or matched already, or its approval does not cover the children's ages or number")
    AdopterView link(@PathVariable long id, @RequestBody AdoptionInput.Link input) {
        return adopters.link(id, input);
    }
}
