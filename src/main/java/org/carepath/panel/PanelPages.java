package org.carepath.panel;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.carepath.child.ChildNotFoundException;
import org.carepath.child.Children;
import org.carepath.identity.Groups;
import org.carepath.identity.Viewer;
import org.carepath.timescale.Timescales;
import org.carepath.web.ConflictException;
import org.carepath.web.FieldProblems;
import org.carepath.web.InvalidRequestException;
import org.carepath.web.NotFoundException;
import org.carepath.web.PageLayout;
import org.carepath.web.PageLayouts;
import org.carepath.web.SignIn;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The panel administrator's pages ({@code /panel}): the sittings of the coming months as a list and a month
 * calendar, scheduling a sitting, one sitting with its agenda, members and quorum, booking a child, recording
 * attendance, rescheduling, cancelling and deferring, and the printable agenda. The same pages serve every
 * panel type. People sign in as for the Tasklist; panel administrators and CarePath administrators write,
 * team and service managers read. Every change goes through {@link Panels}, so the pages refuse what the API
 * refuses, with the service's own words.
 */
@Controller
@RequestMapping("/panel")
class PanelPages {

    static final List<String> WRITERS = List.of(Groups.PANEL_ADMINISTRATOR, Groups.ADMIN);
    static final List<String> READERS = List.of(Groups.PANEL_ADMINISTRATOR, Groups.ADMIN, Groups.TEAM_MANAGER, Groups.SERVICE_MANAGER);

    private final Panels panels;
    private final PermanencePanels journeys;
    private final PanelSittingRepository sittings;
    private final Children children;
    private final IdentityService identity;
    private final Timescales timescales;
    private final Validator validator;
    private final PageLayouts layouts;

    PanelPages(Panels panels, PanelSittingRepository sittings, Children children, IdentityService identity, Timescales timescales,
               Validator validator, PermanencePanels journeys, PageLayouts layouts) {
        this.layouts = layouts;
        this.journeys = journeys;
        this.validator = validator;
        this.panels = panels;
        this.sittings = sittings;
        this.children = children;
        this.identity = identity;
        this.timescales = timescales;
    }

    // ------------------------------------------------------------------ the sittings: list and month calendar

    @GetMapping
    String sittings(@RequestParam(required = false) String month, @RequestParam(required = false) String type,
                    HttpServletRequest request, HttpServletResponse response, Model model) {
        return as(request, response, model, false, () -> {
            var errors = new PageErrors();
            var today = timescales.today();
            var shown = YearMonth.from(today);
            if (month != null && !month.isBlank()) {
                try {
                    shown = YearMonth.parse(month.strip());
                } catch (DateTimeParseException e) {
                    errors.field("list.month", "#month", "Month", "must be a month as year and month, e.g. 2027-01");
                }
            }
            var wanted = type == null || type.isBlank() ? null : type.strip();
            if (wanted != null && !PanelType.known(wanted)) {
                errors.field("list.type", "#type", "Panel type", "must be one of the panels listed");
            }
            var filter = errors.has("list.type") ? null : wanted;
            var coming = panels.sittings(filter, null);
            var first = shown.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            var last = shown.atEndOfMonth().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
            var inView = panels.sittings(filter, first.toString()).stream().filter(s -> !s.date().isAfter(last)).toList();
            var byDay = new HashMap<LocalDate, List<PanelViews.Summary>>();
            inView.forEach(s -> byDay.computeIfAbsent(s.date(), d -> new ArrayList<>()).add(s));
            var weeks = new ArrayList<List<Day>>();
            for (var day = first; !day.isAfter(last); day = day.plusWeeks(1)) {
                var week = new ArrayList<Day>();
                for (int i = 0; i < 7; i++) {
                    var date = day.plusDays(i);
                    week.add(new Day(date, YearMonth.from(date).equals(shown), date.equals(today), byDay.getOrDefault(date, List.of())));
                }
                weeks.add(week);
            }
            var places = new HashMap<Long, String>();
            sittings.findAllById(coming.stream().map(PanelViews.Summary::id).toList())
                    .forEach(s -> places.put(s.id(), where(s.place(), s.onlineLink())));
            model.addAttribute("coming", coming);
            model.addAttribute("places", places);
            model.addAttribute("weeks", weeks);
            model.addAttribute("month", shown);
            model.addAttribute("previousMonth", shown.minusMonths(1));
            model.addAttribute("nextMonth", shown.plusMonths(1));
            model.addAttribute("type", filter);
            model.addAttribute("types", typeNames());
            model.addAttribute("errors", errors);
            if (errors.any()) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
            }
            return "panel/sittings";
        });
    }

    /** A day of the month calendar, with the sittings on it. */
    public record Day(LocalDate date, boolean inMonth, boolean today, List<PanelViews.Summary> sittings) {
    }

    /** Whether the signed-in user has the panel pages: the web apps' header shows the link only then. */
    @GetMapping("/access")
    ResponseEntity<Void> access(HttpServletRequest request) {
        var user = Viewer.signedIn(request, identity);
        if (user == null) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        return READERS.stream().anyMatch(Viewer.of(identity, user)::in) ? ResponseEntity.noContent().build()
                : ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }

    // ------------------------------------------------------------------ scheduling a sitting

    @GetMapping("/sittings/new")
    String newSitting(@RequestParam(required = false) String type, HttpServletRequest request, HttpServletResponse response, Model model) {
        return as(request, response, model, true, () -> {
            var values = new HashMap<String, String>();
            if (PanelType.known(type)) {
                values.put("type", type);
            }
            return sittingForm(model, values, Set.of(), new PageErrors());
        });
    }

    @PostMapping("/sittings")
    String createSitting(@RequestParam Map<String, String> form, @RequestParam(name = "members", required = false) List<String> members,
                         HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return as(request, response, model, true, () -> {
            var errors = new PageErrors();
            var chosen = ids(members, errors, "create.members", "#members", "Members");
            var capacity = (Integer) null;
            var capacityText = blankToNull(form.get("capacity"));
            if (capacityText != null) {
                try {
                    capacity = Integer.valueOf(capacityText);
                } catch (NumberFormatException e) {
                    errors.field("create.capacity", "#capacity", "Capacity", "must be a whole number of cases, e.g. 6");
                }
            }
            var input = new PanelInput.Sitting(blankToNull(form.get("type")), date(form, "date"), blankToNull(form.get("time")),
                    blankToNull(form.get("place")), blankToNull(form.get("onlineLink")), capacity, List.copyOf(chosen));
            var values = new HashMap<>(form);
            if (!errors.any()) {
                try {
                    var created = panels.createSitting(input);
                    redirect.addFlashAttribute("notice", "Sitting scheduled: " + PanelText.type(created.type()) + " on "
                            + Timescales.DAY_IN_WORDS.format(created.date()) + " at " + created.time());
                    return "redirect:/panel/sittings/" + created.id();
                } catch (InvalidRequestException e) {
                    errors.from(e, "create", field -> placeOnSittingForm(field, List.copyOf(chosen)));
                }
            } else {
                // the rest of the form checked too, so that every problem shows at once
                try {
                    FieldProblems.of(validator, input).throwIfAny();
                } catch (InvalidRequestException e) {
                    errors.from(e, "create", field -> placeOnSittingForm(field, List.copyOf(chosen)));
                }
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return sittingForm(model, values, new LinkedHashSet<>(chosen), errors);
        });
    }

    private String sittingForm(Model model, Map<String, String> values, Set<Long> chosen, PageErrors errors) {
        var today = timescales.today();
        var type = values.get("type");
        var offered = panels.members().stream().filter(m -> !m.appointmentEndsOn().isBefore(today))
                .filter(m -> type == null || m.panelTypes().contains(type) || chosen.contains(m.id())).toList();
        model.addAttribute("types", typeNames());
        model.addAttribute("capacities", capacities());
        model.addAttribute("offered", offered);
        model.addAttribute("values", values);
        model.addAttribute("chosen", chosen);
        model.addAttribute("errors", errors);
        return "panel/new-sitting";
    }

    /** The panels the council runs, by name: the built-in ones and its own. */
    private static List<String> typeNames() {
        return PanelType.values().stream().map(PanelType::name).toList();
    }

    private static Map<String, Integer> capacities() {
        var capacities = new LinkedHashMap<String, Integer>();
        for (var type : PanelType.values()) {
            capacities.put(type.name(), type.capacity());
        }
        return capacities;
    }

    private static PageErrors.Place placeOnSittingForm(String field, List<Long> chosen) {
        if (field.startsWith("members")) {
            var index = index(field);
            var element = index >= 0 && index < chosen.size() ? "member-" + chosen.get(index) : "members";
            return new PageErrors.Place("members", element, "Members");
        }
        return switch (field) {
            case "type" -> new PageErrors.Place("type", "type", "Panel type");
            case "date" -> new PageErrors.Place("date", "date-day", "Date");
            case "time" -> new PageErrors.Place("time", "time", "Time");
            case "place" -> new PageErrors.Place("place", "place", "Place");
            case "onlineLink" -> new PageErrors.Place("onlineLink", "onlineLink", "Online link");
            case "capacity" -> new PageErrors.Place("capacity", "capacity", "Capacity");
            default -> new PageErrors.Place(field, "type", field);
        };
    }

    // ------------------------------------------------------------------ one sitting

    @GetMapping("/sittings/{id}")
    String sitting(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
        return as(request, response, model, false, () -> sittingPage(sittingId(id), model, Map.of(), new PageErrors(), null));
    }

    @GetMapping("/sittings/{id}/agenda")
    String agenda(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
        return as(request, response, model, false, () -> {
            sittingPage(sittingId(id), model, Map.of(), new PageErrors(), null);
            return "panel/agenda";
        });
    }

    @PostMapping("/sittings/{id}/bookings")
    String book(@PathVariable String id, @RequestParam Map<String, String> form, HttpServletRequest request,
                HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return as(request, response, model, true, () -> {
            long sitting = sittingId(id);
            var errors = new PageErrors();
            try {
                var child = blankToNull(form.get("child"));
                var booking = (child == null ? Optional.<PanelViews.Booking>empty() : journeys.bookWaitingJourney(sitting, child.strip()))
                        .orElseGet(() -> panels.book(sitting, new PanelInput.Booking(child, blankToNull(form.get("reason")),
                                blankToNull(form.get("time")))));
                redirect.addFlashAttribute("notice", booking.child() + " booked onto the agenda, case " + booking.position() + " at "
                        + booking.time());
                return "redirect:/panel/sittings/" + sitting;
            } catch (InvalidRequestException e) {
                errors.from(e, "book", field -> switch (field) {
                    case "child" -> new PageErrors.Place("child", "book-child", "Child's reference");
                    case "reason" -> new PageErrors.Place("reason", "book-reason", "Reason for panel");
                    case "time" -> new PageErrors.Place("time", "book-time", "Time on the agenda");
                    default -> new PageErrors.Place(field, "book-child", field);
                });
                response.setStatus(HttpStatus.BAD_REQUEST.value());
            } catch (ChildNotFoundException e) {
                errors.field("book.child", "#book-child", "Child's reference", e.getMessage());
                response.setStatus(HttpStatus.BAD_REQUEST.value());
            } catch (ConflictException e) {
                errors.general("#book", e.getMessage());
                response.setStatus(HttpStatus.CONFLICT.value());
            }
            return sittingPage(sitting, model, form, errors, "book");
        });
    }

    /** The sitting's version the page was drawn from (a hidden field of each of its forms); none if missing or not a number. */
    private static Long versionSeen(String text) {
        try {
            return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @PostMapping("/sittings/{id}/attendance")
    String attendance(@PathVariable String id, @RequestParam(name = "attended", required = false) List<String> attended,
                      @RequestParam(name = "version", required = false) String version, HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return as(request, response, model, true, () -> {
            long sitting = sittingId(id);
            var errors = new PageErrors();
            var present = ids(attended, errors, "attendance.attended", "#attendance", "Attendance");
            if (!errors.any()) {
                try {
                    var recorded = panels.recordAttendance(sitting, new PanelInput.Attendance(List.copyOf(present), versionSeen(version)));
                    redirect.addFlashAttribute("notice", "Attendance recorded: the quorum is "
                            + (recorded.actualQuorum().met() ? "met" : "not met"));
                    return "redirect:/panel/sittings/" + sitting + "#quorum";
                } catch (InvalidRequestException e) {
                    errors.from(e, "attendance", field -> new PageErrors.Place("attended", "attendance", "Attendance"));
                    response.setStatus(HttpStatus.BAD_REQUEST.value());
                } catch (ConflictException e) {
                    errors.general("#attendance", e.getMessage());
                    response.setStatus(HttpStatus.CONFLICT.value());
                }
            } else {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
            }
            return sittingPage(sitting, model, Map.of(), errors, "attendance");
        });
    }

    @PostMapping("/sittings/{id}/invitations")
    String invite(@PathVariable String id, @RequestParam(name = "members", required = false) List<String> members,
                  @RequestParam(name = "version", required = false) String version, HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return as(request, response, model, true, () -> {
            long sitting = sittingId(id);
            var errors = new PageErrors();
            var chosen = List.copyOf(ids(members, errors, "invite.members", "#invite", "Members"));
            var first = invitableMembers(panels.sitting(sitting)).stream().findFirst().map(m -> "#invite-" + m.id()).orElse("#invite");
            if (chosen.isEmpty() && !errors.any()) {
                errors.field("invite.members", first, "Members", "Select at least one member to invite");
            }
            if (!errors.any()) {
                try {
                    var invited = panels.invite(sitting, new PanelInput.Invitations(chosen, versionSeen(version)));
                    redirect.addFlashAttribute("notice", "Members invited: the quorum expected is "
                            + (invited.expectedQuorum().met() ? "met" : "not met"));
                    return "redirect:/panel/sittings/" + sitting + "#quorum";
                } catch (InvalidRequestException e) {
                    errors.from(e, "invite", field -> {
                        var index = index(field);
                        return new PageErrors.Place("members", index >= 0 && index < chosen.size() ? "invite-" + chosen.get(index) : "invite",
                                "Members");
                    });
                } catch (ConflictException e) {
                    errors.general("#invite", e.getMessage());
                    response.setStatus(HttpStatus.CONFLICT.value());
                }
            }
            if (response.getStatus() != HttpStatus.CONFLICT.value()) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
            }
            return sittingPage(sitting, model, Map.of(), errors, "invite");
        });
    }

    @PostMapping("/sittings/{id}/circulation")
    String circulate(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model,
                     RedirectAttributes redirect) {
        return as(request, response, model, true, () -> {
            long sitting = sittingId(id);
            try {
                panels.circulate(sitting);
                redirect.addFlashAttribute("notice", "Quorum confirmed and the papers circulated to the members invited");
                return "redirect:/panel/sittings/" + sitting;
            } catch (ConflictException e) {
                response.setStatus(HttpStatus.CONFLICT.value());
                return sittingPage(sitting, model, Map.of(), new PageErrors().general("#circulate", e.getMessage()), "circulate");
            }
        });
    }

    @PostMapping("/sittings/{id}/rescheduling")
    String reschedule(@PathVariable String id, @RequestParam Map<String, String> form, HttpServletRequest request,
                      HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return as(request, response, model, true, () -> {
            long sitting = sittingId(id);
            var errors = new PageErrors();
            try {
                var moved = panels.reschedule(sitting, new PanelInput.Rescheduling(date(form, "reschedule-date"),
                        blankToNull(form.get("reschedule-time")), blankToNull(form.get("reschedule-reason")), versionSeen(form.get("version"))));
                redirect.addFlashAttribute("notice", "Sitting moved to " + Timescales.DAY_IN_WORDS.format(moved.date()) + " at " + moved.time());
                return "redirect:/panel/sittings/" + sitting;
            } catch (InvalidRequestException e) {
                errors.from(e, "reschedule", field -> switch (field) {
                    case "date" -> new PageErrors.Place("date", "reschedule-date-day", "New date");
                    case "time" -> new PageErrors.Place("time", "reschedule-time", "New time");
                    default -> new PageErrors.Place("reason", "reschedule-reason", "Reason for moving it");
                });
                response.setStatus(HttpStatus.BAD_REQUEST.value());
            } catch (ConflictException e) {
                errors.general("#reschedule", e.getMessage());
                response.setStatus(HttpStatus.CONFLICT.value());
            }
            return sittingPage(sitting, model, form, errors, "reschedule");
        });
    }

    @PostMapping("/sittings/{id}/cancellation")
    String cancel(@PathVariable String id, @RequestParam Map<String, String> form, HttpServletRequest request,
                  HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return as(request, response, model, true, () -> {
            long sitting = sittingId(id);
            var errors = new PageErrors();
            try {
                panels.cancel(sitting, new PanelInput.Cancellation(blankToNull(form.get("cancel-reason")), versionSeen(form.get("version"))));
                redirect.addFlashAttribute("notice", "Sitting cancelled");
                return "redirect:/panel/sittings/" + sitting;
            } catch (InvalidRequestException e) {
                errors.from(e, "cancel", field -> new PageErrors.Place("reason", "cancel-reason", "Reason for cancelling it"));
                response.setStatus(HttpStatus.BAD_REQUEST.value());
            } catch (ConflictException e) {
                errors.general("#cancel", e.getMessage());
                response.setStatus(HttpStatus.CONFLICT.value());
            }
            return sittingPage(sitting, model, form, errors, "cancel");
        });
    }

    @PostMapping("/sittings/{id}/deferral")
    String defer(@PathVariable String id, @RequestParam Map<String, String> form, HttpServletRequest request,
                 HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return as(request, response, model, true, () -> {
            long sitting = sittingId(id);
            var errors = new PageErrors();
            Long booking = number(form.get("defer-booking"));
            Long to = number(form.get("defer-to"));
            if (booking == null) {
                errors.field("defer.booking", "#defer-booking", "Case", "is required: choose the case to defer");
            }
            if (form.get("defer-to") != null && !form.get("defer-to").isBlank() && to == null) {
                errors.field("defer.toSitting", "#defer-to", "Later sitting", "must be one of the sittings listed");
            }
            if (!errors.any()) {
                try {
                    var moved = panels.defer(sitting, booking, new PanelInput.Deferral(to, blankToNull(form.get("defer-reason"))));
                    redirect.addFlashAttribute("notice", moved.child() + " deferred to the sitting on "
                            + Timescales.DAY_IN_WORDS.format(moved.sittingDate()) + " (deferrals: " + moved.deferrals() + ")");
                    return "redirect:/panel/sittings/" + sitting;
                } catch (InvalidRequestException e) {
                    errors.from(e, "defer", field -> switch (field) {
                        case "toSitting" -> new PageErrors.Place("toSitting", "defer-to", "Later sitting");
                        default -> new PageErrors.Place("reason", "defer-reason", "Reason for deferring");
                    });
                } catch (NotFoundException e) {
                    errors.field("defer.booking", "#defer-booking", "Case", e.getMessage());
                } catch (ConflictException e) {
                    errors.general("#defer", e.getMessage());
                    response.setStatus(HttpStatus.CONFLICT.value());
                }
            }
            if (response.getStatus() != HttpStatus.CONFLICT.value()) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
            }
            return sittingPage(sitting, model, form, errors, "defer");
        });
    }

    /** A case on the agenda as the page shows it: the child's name beside their reference, when in the viewer's scope. */
    public record Case(Long bookingId, int position, java.time.LocalTime time, String child, String name, String reason,
                       Long deferrals, Long deferredFrom, boolean outsideYourScope, Papers papers) {
    }

    /** The papers' state of a case, as a line of text, and whether they are late. */
    public record Papers(String text, boolean late) {
    }

    private String sittingPage(long id, Model model, Map<String, String> values, PageErrors errors, String form) {
        var sitting = panels.sitting(id);
        var agenda = sitting.agenda().stream().map(item -> new Case(item.bookingId(), item.position(), item.time(), item.child(),
                item.child() == null ? null : children.get(item.child()).name(), item.reason(), item.deferrals(), item.deferredFrom(),
                item.outsideYourScope(), papers(item))).toList();
        var later = panels.sittings(sitting.type(), sitting.date().toString()).stream()
                .filter(s -> !s.id().equals(sitting.id()) && "SCHEDULED".equals(s.status())
                        && s.date().atTime(s.time()).isAfter(sitting.date().atTime(sitting.time())))
                .toList();
        model.addAttribute("invitable", invitableMembers(sitting));
        model.addAttribute("sitting", sitting);
        model.addAttribute("where", where(sitting.place(), sitting.onlineLink()));
        model.addAttribute("agenda", agenda);
        model.addAttribute("later", later);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        model.addAttribute("cancelled", "CANCELLED".equals(sitting.status()));
        model.addAttribute("happened", !sitting.date().isAfter(timescales.today()));
        return "panel/sitting";
    }

    /** The members of this panel not invited yet whose appointment covers the day. */
    private List<PanelViews.Member> invitableMembers(PanelViews.Sitting sitting) {
        var invited = sitting.members().stream().map(PanelViews.InvitedMember::id).collect(java.util.stream.Collectors.toSet());
        return panels.members().stream().filter(m -> !invited.contains(m.id()) && m.panelTypes().contains(sitting.type())
                && !m.appointmentEndsOn().isBefore(sitting.date()) && !m.appointedOn().isAfter(sitting.date())).toList();
    }

    private Papers papers(PanelViews.AgendaItem item) {
        if (item.outsideYourScope()) {
            return null;
        }
        var papers = item.papers();
        if (papers == null) {
            return new Papers("Not yet tracked", false);
        }
        var text = new PanelText(timescales.zone());
        if (papers.receivedAt() != null) {
            return new Papers("Received " + text.shortDay(papers.receivedAt()), false);
        }
        if (papers.late()) {
            return new Papers("Late: due " + text.shortDay(papers.dueBy()), true);
        }
        return new Papers("Due by " + text.shortDay(papers.dueBy()), false);
    }

    // ------------------------------------------------------------------ who is asking

    /**
     * Runs the page as the signed-in user (the audit trail names them), or answers 401 (not signed in), 403 (not
     * a role of these pages, or reading only) or 404 (no such sitting) in the same layout.
     */
    private String as(HttpServletRequest request, HttpServletResponse response, Model model, boolean writes, Supplier<String> page) {
        model.addAttribute("fmt", new PanelText(timescales.zone()));
        var user = Viewer.signedIn(request, identity);
        if (user == null) {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            model.addAttribute("layout", layout(null, null));
            model.addAttribute("problem", "signIn");
            model.addAttribute("signIn", SignIn.andBackTo(request));
            return "panel/problem";
        }
        var viewer = Viewer.of(identity, user);
        model.addAttribute("layout", layout(viewer, displayName(user)));
        var mayWrite = WRITERS.stream().anyMatch(viewer::in);
        model.addAttribute("mayWrite", mayWrite);
        if (!READERS.stream().anyMatch(viewer::in) || (writes && !mayWrite)) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute("problem", writes && READERS.stream().anyMatch(viewer::in) ? "readOnly" : "role");
            return "panel/problem";
        }
        identity.setAuthentication(user, List.copyOf(viewer.groups()));
        try {
            return page.get();
        } catch (NotFoundException e) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("problem", "notFound");
            return "panel/problem";
        } finally {
            identity.clearAuthentication();
        }
    }

    /** The shared layout, with the panel pages' own stylesheet (the calendar, the agenda and its print). */
    private PageLayout layout(Viewer viewer, String signedIn) {
        return layouts.of(viewer, signedIn, "panel").with(List.of("/panel/assets/panel.css"), List.of());
    }

    private String displayName(String user) {
        var person = identity.createUserQuery().userId(user).singleResult();
        return person == null || person.getFirstName() == null ? user : (person.getFirstName() + " " + person.getLastName()).strip();
    }

    // ------------------------------------------------------------------ reading forms

    private static long sittingId(String id) {
        var number = number(id);
        if (number == null) {
            throw new NotFoundException("No panel sitting " + id);
        }
        return number;
    }

    private static Long number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The ids ticked; anything else sent is a problem of the field. */
    private static Set<Long> ids(List<String> values, PageErrors errors, String key, String href, String label) {
        var ids = new LinkedHashSet<Long>();
        if (values != null) {
            for (var value : values) {
                var id = number(value);
                if (id == null) {
                    errors.field(key, href, label, "must be chosen from the list");
                } else {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    /**
     * A GOV.UK date input's day, month and year as the service reads a date ({@code 2027-01-12}); what is not a
     * date is passed on as typed, so that the service refuses it with its own message; nothing typed is no date.
     */
    static String date(Map<String, String> form, String name) {
        var day = strip(form.get(name + "-day"));
        var month = strip(form.get(name + "-month"));
        var year = strip(form.get(name + "-year"));
        if (day.isEmpty() && month.isEmpty() && year.isEmpty()) {
            return null;
        }
        if (day.matches("\\d{1,2}") && month.matches("\\d{1,2}") && year.matches("\\d{4}")) {
            return "%s-%02d-%02d".formatted(year, Integer.parseInt(month), Integer.parseInt(day));
        }
        return year + "-" + month + "-" + day;
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String where(String place, String onlineLink) {
        if (place != null && onlineLink != null) {
            return place + " and online";
        }
        return place != null ? place : onlineLink != null ? "Online" : "";
    }

    private static int index(String field) {
        var open = field.indexOf('[');
        var close = field.indexOf(']');
        if (open < 0 || close < open) {
            return -1;
        }
        try {
            return Integer.parseInt(field.substring(open + 1, close));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
