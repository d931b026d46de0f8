package org.carepath.tracker;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
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
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /tracker/figures}: the performance figures by month, each as a chart (ECharts, served by the app), the same
 * figures as a table under it, its definition, and {@code /tracker/figures/{figure}.csv} holding that table cell for
 * cell. For managers (team managers their team's children, service managers and administrators every child); others
 * are refused, as on the manager view. The figures are counts, naming no child, so they are not on any child's audit
 * trail.
 */
@Controller
class FiguresPage {

    static final String ECHARTS = "/webjars/echarts/5.3.1/dist/echarts.min.js";

    private final PerformanceFigures figures;
    private final IdentityService identity;
    private final PageLayouts layouts;
    private final ObjectMapper json = new ObjectMapper();

    FiguresPage(PerformanceFigures figures, IdentityService identity, PageLayouts layouts) {
        this.figures = figures;
        this.identity = identity;
        this.layouts = layouts;
    }

    /** A figure as the page shows it: the figure, and its chart's data as JSON for the script. */
    record Shown(PerformanceFigures.Figure figure, String chart) {
    }

    @GetMapping(value = "/tracker/figures", produces = MediaType.TEXT_HTML_VALUE)
    String page(HttpServletRequest request, HttpServletResponse response, Model model) {
        var user = Viewer.signedIn(request, identity);
        if (user == null) {
            SignIn.redirect(request, response);
            model.addAttribute("signIn", SignIn.andBackTo(request));
            return problem(model, null, null, "signIn");
        }
        var viewer = Viewer.of(identity, user);
        var signedIn = ManagerView.displayName(identity, user);
        if (!isManager(viewer)) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            return problem(model, viewer, signedIn, "managersOnly");
        }
        var months = figures.months();
        model.addAttribute("layout", layouts.of(viewer, signedIn, "figures")
                .with(List.of(), List.of(ECHARTS, "/carepath/assets/figures-charts.js")));
        model.addAttribute("figures", figures.all(viewer).stream().map(figure -> new Shown(figure, chart(figure))).toList());
        model.addAttribute("from", months.get(0).format(PerformanceFigures.MONTH));
        model.addAttribute("to", months.get(months.size() - 1).format(PerformanceFigures.MONTH));
        model.addAttribute("asOf", figures.today().format(TrackerPage.DAY));
        return "tracker/figures";
    }

    @GetMapping(value = "/tracker/figures/{figure}.csv")
    ResponseEntity<String> csv(@PathVariable String figure, HttpServletRequest request) {
        var user = Viewer.signedIn(request, identity);
        if (user == null) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.TEXT_PLAIN).body("Sign in to CarePath first.\n");
        }
        var viewer = Viewer.of(identity, user);
        if (!isManager(viewer)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN).body("The figures are for managers.\n");
        }
        var shown = figures.one(viewer, figure);
        if (shown == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body("No figure " + figure + ".\n");
        }
        var csv = new StringBuilder();
        TrackerPage.line(csv, shown.headings());
        shown.rows().forEach(row -> TrackerPage.line(csv, row));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + shown.id() + "-" + figures.today() + ".csv\"")
                .body(csv.toString());
    }

    static boolean isManager(Viewer viewer) {
        return ManagerView.MANAGERS.stream().anyMatch(viewer::in);
    }

    private String chart(PerformanceFigures.Figure figure) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("title", figure.title());
        chart.put("months", figure.months());
        chart.put("unit", figure.unit());
        chart.put("rightUnit", figure.rightUnit());
        chart.put("stacked", figure.stacked());
        chart.put("series", figure.series());
        try {
            return json.writeValueAsString(chart);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String problem(Model model, Viewer viewer, String signedIn, String problem) {
        model.addAttribute("layout", layouts.of(viewer, signedIn, "figures"));
        model.addAttribute("problem", problem);
        return "tracker/problem";
    }
}
