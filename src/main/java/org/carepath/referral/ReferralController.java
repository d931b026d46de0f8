package org.carepath.referral;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.carepath.access.ChildAccess;
import org.carepath.child.ChildNotFoundException;
import org.carepath.child.DuplicateChildException;
import org.carepath.web.ConflictException;
import org.carepath.identity.Teams;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Referrals", description = "Contacts and referrals taken at the front door")
class ReferralController {

    private final Referrals referrals;
    private final ChildAccess access;

    ReferralController(Referrals referrals, ChildAccess access) {
        this.referrals = referrals;
        this.access = access;
    }

    @PostMapping("/api/referrals")
    @Operation(summary = "Take a referral: records the child and the referral and starts front-door screening")
    @ApiResponse(responseCode = "201", description = "Recorded; the body has the child's reference and the process instance")
    @ApiResponse(responseCode = "400", description = "Invalid input; the problem details name each bad field; nothing was recorded")
    @ApiResponse(responseCode = "404", description = "The child reference is not known, or not in your scope")
    @ApiResponse(responseCode = "409", description = "The new child is already recorded under another reference")
    ResponseEntity<Referrals.TakenReferral> take(@Valid @RequestBody ReferralRequest request, Principal principal) {
        var known = request.child() == null ? null : request.child().reference();
        if (known != null) {
            // the front door takes referrals about any child; anyone else only about children in their scope
            var viewer = access.viewer();
            if (!viewer.in(Teams.FRONT_DOOR) && !access.canAccess(viewer, known)) {
                throw new ChildNotFoundException(known);
            }
        }
        Referrals.TakenReferral taken;
        try {
            taken = referrals.take(request, principal == null ? null : principal.getName());
        } catch (DuplicateChildException duplicate) {
            // naming the existing record tells whoever asked that the child is known to children's services
            var viewer = access.viewer();
            if (!viewer.in(Teams.FRONT_DOOR) && !access.canAccess(viewer, duplicate.existingReference())) {
                throw new ConflictException("This child is already recorded and is not in your scope: ask the front door"
                        + " to add the referral to the child's record; nothing was recorded");
            }
            access.visible(List.of(duplicate.existingReference()), reference -> reference, "duplicate check on a new referral");
            throw duplicate;
        }
        return ResponseEntity.created(URI.create("/api/children/" + taken.childReference())).body(taken);
    }

    @GetMapping("/api/children/{reference}/referrals")
    @Operation(summary = "The child's referrals, newest first")
    List<ReferralView> forChild(@PathVariable String reference) {
        return referrals.forChild(reference);
    }
}
