package org.carepath.panel;

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

/**
 * Panel administration. Writes are for panel administrators (and CarePath administrators), reads also for
 * team and service managers (SecurityConfiguration); a child on an agenda is shown only to those whose scope
 * the child is in.
 */
@RestController
@Tag(name = "Permanence panel", description = "The central list of panel members, sittings, attendance and quorum,"
        + " and the children booked onto each sitting")
class PanelController {

    private final Panels panels;
    private final PermanencePanels permanencePanels;

    PanelController(Panels panels, PermanencePanels permanencePanels) {
        this.panels = panels;
        this.permanencePanels = permanencePanels;
    }

    @PostMapping("/api/children/{reference}/panel-requests")
    @Operation(summary = "Ask for the child's permanence plan to go to panel: starts the permanence panel journey")
    ResponseEntity<PanelViews.Request> request(@PathVariable String reference, @RequestBody PanelInput.Request input,
                                               java.security.Principal user) {
        return ResponseEntity.status(201).body(permanencePanels.request(reference, input, user.getName()));
    }

    @GetMapping("/api/panel-members")
    @Operation(summary = "The central list of people who may sit on a panel, by name")
    List<PanelViews.Member> members() {
        return panels.members();
    }

    @PostMapping("/api/panel-members")
    @Operation(summary = "Add a person to the central list, with their role on panel, the panels they sit on and when"
            + " their appointment ends")
    ResponseEntity<PanelViews.Member> addMember(@RequestBody PanelInput.Member input) {
        return ResponseEntity.status(201).body(panels.addMember(input));
    }

    @GetMapping("/api/panel-sittings")
    @Operation(summary = "Sittings from a date (today if not given), soonest first, with free places and papers deadlines")
    List<PanelViews.Summary> sittings(@RequestParam(required = false) String type, @RequestParam(required = false) String from) {
        return panels.sittings(type, from);
    }

    @PostMapping("/api/panel-sittings")
    @Operation(summary = "Schedule a sitting, with the members invited (each appointed on the day and sitting on that panel)")
    ResponseEntity<PanelViews.Sitting> createSitting(@RequestBody PanelInput.Sitting input) {
        return ResponseEntity.status(201).body(panels.createSitting(input));
    }

    @GetMapping("/api/panel-sittings/proposed")
    @Operation(summary = "The next sitting of a panel with a free place whose papers deadline can still be met")
    PanelViews.Summary proposed(@RequestParam(required = false) String type) {
        return panels.proposed(type);
    }

    @GetMapping("/api/panel-sittings/{id}")
    @Operation(summary = "One sitting: its agenda, the members invited and who attended, expected and actual quorum,"
            + " free places and the papers deadline")
    PanelViews.Sitting sitting(@PathVariable long id) {
        return panels.sitting(id);
    }

    @PostMapping("/api/panel-sittings/{id}/invitations")
    @Operation(summary = "Invite more members to a sitting")
    PanelViews.Sitting invite(@PathVariable long id, @RequestBody PanelInput.Invitations input) {
        return panels.invite(id, input);
    }

    @PostMapping("/api/panel-sittings/{id}/attendance")
    @Operation(summary = "Record who attended (every other member invited did not): the actual quorum follows")
    PanelViews.Sitting attendance(@PathVariable long id, @RequestBody PanelInput.Attendance input) {
        return panels.recordAttendance(id, input);
    }

    @PostMapping("/api/panel-sittings/{id}/cancellation")
    @Operation(summary = "Cancel a sitting, with the reason; the cases booked are deferred first")
    PanelViews.Sitting cancel(@PathVariable long id, @RequestBody PanelInput.Cancellation input) {
        return panels.cancel(id, input);
    }

    @PostMapping("/api/panel-sittings/{id}/rescheduling")
    @Operation(summary = "Move a sitting to another date or time, with the reason; the cases booked move with it")
    PanelViews.Sitting reschedule(@PathVariable long id, @RequestBody PanelInput.Rescheduling input) {
        return panels.reschedule(id, input);
    }

    @PostMapping("/api/panel-sittings/{id}/bookings")
    @Operation(summary = "Book a child onto a sitting: refused (409) when it is full, cancelled, past its papers deadline,"
            + " or the child is on it already")
    ResponseEntity<PanelViews.Booking> book(@PathVariable long id, @RequestBody PanelInput.Booking input) {
        return ResponseEntity.status(201).body(panels.book(id, input));
    }

    @PostMapping("/api/panel-sittings/{id}/bookings/{bookingId}/deferral")
    @Operation(summary = "Defer a case to a later sitting of the same panel, with the reason; the child's deferrals are counted")
    ResponseEntity<PanelViews.Booking> defer(@PathVariable long id, @PathVariable long bookingId,
                                             @RequestBody PanelInput.Deferral input) {
        return ResponseEntity.status(201).body(panels.defer(id, bookingId, input));
    }

    @PostMapping("/api/panel-sittings/{id}/deferral")
    @Operation(summary = "Defer every case on a sitting to a later sitting of the same panel, with the reason: when the"
            + " quorum is not expected or the panel could not sit")
    List<PanelViews.Booking> deferAll(@PathVariable long id, @RequestBody PanelInput.Deferral input) {
        return panels.deferAll(id, input);
    }

    @PostMapping("/api/panel-sittings/{id}/circulation")
    @Operation(summary = "Confirm the quorum expected and circulate the sitting's papers to the members invited: refused"
            + " (409) when the members invited do not make a quorum")
    PanelViews.Sitting circulate(@PathVariable long id) {
        return panels.circulate(id);
    }
}
