package org.carepath.proceedings;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.carepath.access.ChildAccess;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Care proceedings", description = "Legal planning, pre-proceedings, the 26 weeks, hearings, directions, orders; revocation")
class ProceedingsController {

    private final Proceedings proceedings;
    private final Revocations revocations;
    private final ChildAccess access;

    ProceedingsController(Proceedings proceedings, Revocations revocations, ChildAccess access) {
        this.proceedings = proceedings;
        this.revocations = revocations;
        this.access = access;
    }

    /** The case, if its child is in the current user's scope (404 otherwise, as for a case that does not exist). */
    private ProceedingsView inScope(long id) {
        var view = proceedings.get(id);
        if (access.visible(java.util.List.of(view), ProceedingsView::childReference, "care proceedings " + id).isEmpty()) {
            throw new org.carepath.web.NotFoundException("No care proceedings " + id);
        }
        return view;
    }

    /** For a change: the case must be in scope, and the change is the one audit row, not a read as well. */
    private void changeableInScope(long id) {
        if (!access.canAccess(access.viewer(), proceedings.get(id).childReference())) {
            throw new org.carepath.web.NotFoundException("No care proceedings " + id);
        }
    }

    record Request(@NotBlank @Size(max = 5000) String reason) {
    }

    record DirectionRequest(String direction, String owner, String dueOn, String givenOn) {
    }

    @PostMapping("/api/children/{reference}/proceedings")
    @Operation(summary = "Ask for a legal planning meeting about the child: starts the care proceedings journey")
    ResponseEntity<ProceedingsView> request(@PathVariable String reference, @Valid @RequestBody Request request, Principal user) {
        var started = proceedings.request(reference, request.reason(), user.getName());
        return ResponseEntity.created(URI.create("/api/proceedings/" + started.id())).body(started);
    }

    @GetMapping("/api/children/{reference}/proceedings")
    @Operation(summary = "The child's care proceedings, newest first, with hearings, directions, extensions, orders and week of 26")
    List<ProceedingsView> forChild(@PathVariable String reference) {
        return proceedings.forChild(reference);
    }

    @GetMapping("/api/proceedings")
    @Operation(summary = "Every case under way, soonest deadline first, with its week of 26 and its risk (managers, legal)")
    List<ProceedingsView> live() {
        return access.visible(proceedings.live(), ProceedingsView::childReference, "live care proceedings");
    }

    @GetMapping("/api/proceedings/{id}")
    @Operation(summary = "One case")
    ProceedingsView get(@PathVariable long id) {
        return inScope(id);
    }

    @PostMapping("/api/proceedings/{id}/hearings")
    @Operation(summary = "Record a hearing: its outcome, next hearing, orders, directions and any extension of the 26 weeks")
    ResponseEntity<ProceedingsView> hearing(@PathVariable long id, @RequestBody HearingInput hearing, Principal user) {
        changeableInScope(id);
        return ResponseEntity.status(201).body(proceedings.recordHearing(id, hearing, user.getName()));
    }

    @PostMapping("/api/proceedings/{id}/directions")
    @Operation(summary = "Record a direction of the court: a tracked task for its owner, due by the date the court set")
    ResponseEntity<ProceedingsView> direction(@PathVariable long id, @RequestBody DirectionRequest direction, Principal user) {
        changeableInScope(id);
        return ResponseEntity.status(201).body(proceedings.giveDirection(id,
                new HearingInput.DirectionInput(direction.direction(), direction.owner(), direction.dueOn()), direction.givenOn(), user.getName()));
    }

    @PostMapping("/api/proceedings/{id}/extensions")
    @Operation(summary = "Record an extension of the 26 weeks granted by the court (at most 8 weeks each, with the court's reason)")
    ResponseEntity<ProceedingsView> extension(@PathVariable long id, @RequestBody HearingInput.ExtensionInput extension, Principal user) {
        changeableInScope(id);
        return ResponseEntity.status(201).body(proceedings.extend(id, extension, user.getName()));
    }

    @PostMapping("/api/children/{reference}/revocations")
    @Operation(summary = "Consider discharging the care order of a child living with their parents: starts the revocation pathway")
    ResponseEntity<Revocation.RevocationView> revocation(@PathVariable String reference, @Valid @RequestBody Request request, Principal user) {
        return ResponseEntity.status(201).body(revocations.consider(reference, request.reason(), user.getName()));
    }

    @GetMapping("/api/children/{reference}/revocations")
    @Operation(summary = "The child's revocation applications")
    List<Revocation.RevocationView> revocations(@PathVariable String reference) {
        return revocations.forChild(reference);
    }
}
