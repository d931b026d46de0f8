package org.carepath.careleaver;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.carepath.access.ChildAccess;
import org.carepath.audit.Audit;
import org.carepath.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Every route names the young person, so the scope rule (404 outside it) applies before anything is read or written. */
@RestController
@Tag(name = "Care leavers", description = "A young person's leaving-care record: status, pathway plan and reviews, personal"
        + " adviser contacts and circumstances; the plan and reviews are recorded through their tasks and read here")
class CareLeaverController {

    private final CareLeavers careLeavers;
    private final ChildAccess access;
    private final Audit audit;

    CareLeaverController(CareLeavers careLeavers, ChildAccess access, Audit audit) {
        this.careLeavers = careLeavers;
        this.access = access;
        this.audit = audit;
    }

    @GetMapping("/api/children/{reference}/care-leaver")
    @Operation(summary = "The young person's status (eligible, relevant, former relevant) with dates, pathway plan with its"
            + " reviews, personal adviser, contacts and circumstances; 404 if they are not a care leaver")
    CareLeaverView careLeaver(@PathVariable String reference) {
        access.require(reference);
        var view = careLeavers.view(reference);
        if (view == null) {
            throw new NotFoundException(reference + " is not a care leaver (not eligible for leaving-care support)");
        }
        audit.read(reference, "care leaver");
        return view;
    }

    @GetMapping("/api/care-leavers/figures")
    @Operation(summary = "The authority's care-leaver figures for a period by age band (17-18, 19-21, 22-25): in touch,"
            + " suitable accommodation, in education, employment or training, staying put, plans reviewed on time")
    CareLeaverFigures figures(@RequestParam LocalDate from, @RequestParam LocalDate to) {
        return careLeavers.figures(from, to);
    }

    @PostMapping("/api/children/{reference}/care-leaver/review-requests")
    @Operation(summary = "The young person or the personal adviser asks for a pathway plan review now; 409 if one is open")
    CareLeaverView requestReview(@PathVariable String reference, @RequestBody CareLeaverInput.ReviewRequest input) {
        access.require(reference);
        return careLeavers.requestReview(reference, input);
    }

    @PostMapping("/api/children/{reference}/care-leaver/contacts")
    @Operation(summary = "The personal adviser was in touch: completes the open keeping-in-touch task (and resolves its alert)")
    CareLeaverView contact(@PathVariable String reference, @RequestBody CareLeaverInput.Contact input) {
        access.require(reference);
        return careLeavers.recordContact(reference, input);
    }

    @PostMapping("/api/children/{reference}/care-leaver/circumstances")
    @Operation(summary = "The young person's accommodation, activity, custody and parenthood from a day on; a move into"
            + " accommodation the authority provides starts the 7-day visit")
    CareLeaverView circumstances(@PathVariable String reference, @RequestBody CareLeaverInput.CircumstancesFrom input) {
        access.require(reference);
        return careLeavers.recordCircumstances(reference, input);
    }

    @PostMapping("/api/children/{reference}/care-leaver/support-declined")
    @Operation(summary = "A young person over 21 declines support; the right to come back before 25 is recorded")
    CareLeaverView declined(@PathVariable String reference, @RequestBody CareLeaverInput.SupportDeclined input) {
        access.require(reference);
        return careLeavers.declineSupport(reference, input);
    }

    @PostMapping("/api/children/{reference}/care-leaver/support-asked-for-again")
    @Operation(summary = "A young person who declined support asks for it again before 25: the journey re-enters")
    CareLeaverView askedAgain(@PathVariable String reference, @RequestBody CareLeaverInput.SupportAskedForAgain input) {
        access.require(reference);
        return careLeavers.askForSupportAgain(reference, input);
    }
}
