package org.carepath.lookedafter;

import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The IRO's disputes about a looked-after child's care plan. Only IROs raise them (the API's role rules). */
@RestController
@Tag(name = "Children looked after", description = "IRO dispute resolution")
class DisputeController {

    private final Disputes disputes;

    DisputeController(Disputes disputes) {
        this.disputes = disputes;
    }

    record Request(@NotBlank @Size(max = Disputes.CONCERN_MAX_LENGTH) String concern) {
    }

    @PostMapping("/api/children/{reference}/disputes")
    @Operation(summary = "The child's IRO raises a concern about the care plan: starts IRO dispute resolution at the team manager")
    ResponseEntity<DisputeView> raise(@PathVariable String reference, @Valid @RequestBody Request request, Principal user) {
        return ResponseEntity.status(201).body(disputes.raise(reference, request.concern(), user.getName()));
    }

    @GetMapping("/api/children/{reference}/disputes")
    @Operation(summary = "The child's IRO disputes, newest first, with each stage's response")
    List<DisputeView> forChild(@PathVariable String reference) {
        return disputes.forChild(reference);
    }
}
