package org.carepath.tracker;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.carepath.audit.Audit;
import org.carepath.child.LegalStatus;
import org.carepath.identity.Viewer;
import org.carepath.web.PageLayouts;
import org.carepath.web.SignIn;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /tracker}: the permanence tracker, one row per child in the viewer's scope (a practitioner their own
 * children, a team manager the team's, a service manager and an administrator every child, an IRO the children
 * they review: {@link org.carepath.access.ChildAccess}'s rule), filtered, sorted by risk, a page at a time, and
 * {@code /tracker.csv}: the same rows with the same filters and order, every page. Each child shown or exported
 * is one row on their audit trail per page view.
 */
@Controller
class TrackerPage {

    static final int PAGE_SIZE = 25;
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    private final Tracker tracker;
    private final IdentityService identity;
    private final Audit audit;
    private final PageLayouts layouts;

    TrackerPage(Tracker tracker, IdentityService identity, Audit audit, PageLayouts layouts) {
        this.tracker = tracker;
        this.identity = identity;
        this.audit = audit;
        this.layouts = layouts;
    }

    /** What the viewer asked to see; every field optional, an unknown value matches nobody. */
    static final class Filters {
        private String team;
        private String worker;
        private String journey;
        private String legalStatus;
        private String rag;
        private boolean alerts;
        private String sort;
        private Integer page;

        public String getTeam() { return team; }
        public void setTeam(String team) { this.team = blankToNull(team); }
        public String getWorker() { return worker; }
        public void setWorker(String worker) { this.worker = blankToNull(worker); }
        public String getJourney() { return journey; }
        public void setJourney(String journey) { this.journey = blankToNull(journey); }
        public String getLegalStatus() { return legalStatus; }
        public void setLegalStatus(String legalStatus) { this.legalStatus = blankToNull(legalStatus); }
        public String getRag() { return rag; }
        public void setRag(String rag) { this.rag = blankToNull(rag); }
        public boolean isAlerts() { return alerts; }
        public void setAlerts(boolean alerts) { this.alerts = alerts; }
        public String getSort() { return sort == null ? "risk" : sort; }
        public void setSort(String sort) { this.sort = blankToNull(sort); }
        public int getPage() { return page == null || page < 1 ? 1 : page; }
        public void setPage(Integer page) { this.page = page; }

        boolean matches(Tracker.Ranked row) {
            return (team == null || team.equals(row.team()))
                    && (worker == null || worker.equals(row.worker()))
                    && (journey == null || row.inJourney(journey))
                    && (legalStatus == null || legalStatus.equals(row.legalStatus()))
                    && (rag == null || rag.equalsIgnoreCase(row.rag().name()))
                    && (!alerts || row.openAlerts() > 0);
        }

        Comparator<Tracker.Ranked> order() {
            return switch (getSort()) {
                case "name" -> Comparator.comparing(Tracker.Ranked::name).thenComparing(Tracker.Ranked::reference);
                case "deadline" -> Comparator.comparing((Tracker.Ranked row) -> row.next() == null ? java.time.LocalDate.MAX : row.next().due())
                        .thenComparing(Tracker.Ranked.BY_RISK);
                default -> Tracker.Ranked.BY_RISK;
            };
        }

        /** The query string of these filters, for links to other pages and the CSV. */
        String query(Integer toPage) {
            var uri = UriComponentsBuilder.newInstance();
            if (team != null) uri.queryParam("team", team);
            if (worker != null) uri.queryParam("worker", worker);
            if (journey != null) uri.queryParam("journey", journey);
            if (legalStatus != null) uri.queryParam("legalStatus", legalStatus);
            if (rag != null) uri.queryParam("rag", rag);
            if (alerts) uri.queryParam("alerts", "true");
            if (sort != null) uri.queryParam("sort", sort);
            if (toPage != null) uri.queryParam("page", toPage);
            var query = uri.encode().build().getQuery();
            return query == null ? "" : "?" + query;
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    @GetMapping(value = "/tracker", produces = MediaType.TEXT_HTML_VALUE)
    String page(@ModelAttribute("filters") Filters filters, HttpServletRequest request, HttpServletResponse response, Model model) {
        var user = Viewer.signedIn(request, identity);
        if (user == null) {
            SignIn.redirect(request, response);
            model.addAttribute("layout", layouts.of(null, null, "tracker"));
            model.addAttribute("problem", "signIn");
            model.addAttribute("signIn", SignIn.andBackTo(request));
            return "tracker/problem";
        }
        var viewer = Viewer.of(identity, user);
        var all = tracker.keys(viewer);
        var shown = all.stream().filter(filters::matches).sorted(filters.order()).toList();
        int pages = Math.max(1, (shown.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(filters.getPage(), pages);
        var onPage = tracker.rows(shown.subList((page - 1) * PAGE_SIZE, Math.min(shown.size(), page * PAGE_SIZE)));
        audited(user, viewer, onPage, "tracker");

        model.addAttribute("layout", layouts.of(viewer, ManagerView.displayName(identity, user), "tracker"));
        model.addAttribute("rows", onPage.stream().map(TrackerPage::cells).toList());
        model.addAttribute("total", shown.size());
        model.addAttribute("inScope", all.size());
        model.addAttribute("page", page);
        model.addAttribute("pages", pages);
        model.addAttribute("first", shown.isEmpty() ? 0 : (page - 1) * PAGE_SIZE + 1);
        model.addAttribute("last", (page - 1) * PAGE_SIZE + onPage.size());
        model.addAttribute("previous", page > 1 ? "tracker" + filters.query(page - 1) : null);
        model.addAttribute("next", page < pages ? "tracker" + filters.query(page + 1) : null);
        model.addAttribute("csv", "tracker.csv" + filters.query(null));
        model.addAttribute("teams", options(all, Tracker.Key::team, Tracker.Key::teamName));
        model.addAttribute("workers", options(all.stream().filter(r -> r.worker() != null).toList(), Tracker.Key::worker, Tracker.Key::workerName));
        model.addAttribute("journeys", tracker.journeyNames());
        var statuses = new java.util.LinkedHashMap<String, String>();
        for (var status : LegalStatus.values()) {
            statuses.put(status.name(), ManagerView.words(status.name()));
        }
        model.addAttribute("legalStatuses", statuses);
        model.addAttribute("asOf", tracker.today().format(DAY));
        return "tracker/tracker";
    }

    /** The rows the page would show with these filters, every page of them, as CSV (spreadsheet formulas neutralised). */
    @GetMapping(value = "/tracker.csv")
    ResponseEntity<String> csv(@ModelAttribute("filters") Filters filters, HttpServletRequest request) {
        var user = Viewer.signedIn(request, identity);
        if (user == null) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.TEXT_PLAIN).body("Sign in to CarePath first.\n");
        }
        var viewer = Viewer.of(identity, user);
        var shown = tracker.rows(tracker.keys(viewer).stream().filter(filters::matches).sorted(filters.order()).toList());
        audited(user, viewer, shown, "tracker export");
        var csv = new StringBuilder();
        line(csv, HEADINGS);
        shown.forEach(row -> line(csv, cells(row).csv()));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"tracker-" + tracker.today() + ".csv\"")
                .body(csv.toString());
    }

    static final List<String> HEADINGS = List.of("Child", "Reference", "Team", "Allocated worker", "Legal status",
            "Journeys and current stage", "Next statutory deadline", "Due", "RAG", "Open drift alerts", "Rung",
            "Workers in last 12 months", "Placement moves in last 12 months", "Permanence plan", "Ratified by second review",
            "Week of 26", "Adoption scorecard");

    /** A row as both the page and the CSV show it: the same words in the same columns. */
    record Cells(String reference, String name, String team, String worker, String legalStatus, List<String> journeys,
                 String nextWork, String nextDue, String rag, String ragTone, int alerts, String rung, int workers,
                 String placementMoves, boolean manyMoves, String permanencePlan, String ratified, String week, String weekTone,
                 String adoptionScorecard) {

        List<String> csv() {
            return List.of(name, reference, team, worker == null ? "" : worker, legalStatus, String.join("; ", journeys),
                    nextWork == null ? "" : nextWork, nextDue == null ? "" : nextDue, rag, String.valueOf(alerts),
                    rung == null ? "" : rung, String.valueOf(workers), placementMoves == null ? "" : placementMoves,
                    permanencePlan == null ? "" : permanencePlan, ratified == null ? "" : ratified, week == null ? "" : week,
                    adoptionScorecard == null ? "" : adoptionScorecard);
        }
    }

    static Cells cells(Tracker.Row row) {
        var journeys = row.journeys().stream().map(j -> j.name() + ": " + j.stage() + " (" + j.daysInStage()
                + (j.daysInStage() == 1 ? " day)" : " days)")).toList();
        return new Cells(row.reference(), row.name(), row.teamName(), row.workerName(),
                row.legalStatus() == null ? "" : ManagerView.words(row.legalStatus()), journeys,
                row.next() == null ? null : row.next().work(), row.next() == null ? null : row.next().due().format(DAY),
                row.rag().words(), row.rag().name().toLowerCase(Locale.ROOT), row.openAlerts(),
                row.rung() == null ? null : row.rung() == 2 ? "Service manager" : "Team manager", row.workersInLast12Months(),
                row.placementMoves() == null ? null : String.valueOf(row.placementMoves()),
                row.placementMoves() != null && row.placementMoves() >= 3, row.permanencePlan(),
                row.ratifiedBySecondReview() == null ? null : row.ratifiedBySecondReview().words(),
                row.proceedingsWeek() == null ? null : String.valueOf(row.proceedingsWeek()),
                row.proceedingsRisk() == null ? null : row.proceedingsRisk().toLowerCase(Locale.ROOT), row.adoptionScorecard());
    }

    /**
     * A cell a spreadsheet would read as a formula (starting with = + - @, or a tab or carriage return that hides
     * one) is given a leading apostrophe, so it is shown as the text it is (OWASP's advice on CSV injection).
     */
    static String neutralised(String cell) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }

    static void line(StringBuilder csv, List<String> cells) {
        csv.append(cells.stream().map(TrackerPage::neutralised).map(cell -> cell.contains(",") || cell.contains("\"")
                || cell.contains("\n") || cell.contains("\r") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell)
                .collect(Collectors.joining(","))).append("\r\n");
    }

    private void audited(String user, Viewer viewer, List<Tracker.Row> rows, String subject) {
        identity.setAuthentication(user, List.copyOf(viewer.groups())); // the audit trail names them
        try {
            audit.readAll(rows.stream().map(Tracker.Row::reference).toList(), subject);
        } finally {
            identity.clearAuthentication();
        }
    }

    private static Map<String, String> options(List<Tracker.Key> rows, java.util.function.Function<Tracker.Key, String> value,
                                               java.util.function.Function<Tracker.Key, String> label) {
        var options = new TreeMap<String, String>();
        rows.forEach(row -> options.putIfAbsent(value.apply(row), label.apply(row) == null ? value.apply(row) : label.apply(row)));
        var byLabel = new ArrayList<>(options.entrySet());
        byLabel.sort(Map.Entry.comparingByValue());
        var sorted = new java.util.LinkedHashMap<String, String>();
        byLabel.forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
