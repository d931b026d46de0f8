package org.carepath.tracker;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.carepath.audit.Audit;
import org.carepath.identity.Viewer;
import org.carepath.web.PageLayouts;
import org.carepath.web.SignIn;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /tracker/caseloads}: children and open tasks per team and per worker, the tasks past their due date and the
 * children whose social worker changed in the last 12 months ({@link Caseloads}). For the social work line only; a
 * social worker sees their own caseload. Each child the page names is one row on their audit trail per page view.
 */
@Controller
class CaseloadsPage {

    private final Caseloads caseloads;
    private final IdentityService identity;
    private final Audit audit;
    private final PageLayouts layouts;

    CaseloadsPage(Caseloads caseloads, IdentityService identity, Audit audit, PageLayouts layouts) {
        this.caseloads = caseloads;
        this.identity = identity;
        this.audit = audit;
        this.layouts = layouts;
    }

    @GetMapping(value = "/tracker/caseloads", produces = MediaType.TEXT_HTML_VALUE)
    String page(@RequestParam(required = false) String team, HttpServletRequest request, HttpServletResponse response, Model model) {
        var user = Viewer.signedIn(request, identity);
        if (user == null) {
            return signIn(request, response, model, "caseloads", layouts);
        }
        var viewer = Viewer.of(identity, user);
        var layout = layouts.of(viewer, ManagerView.displayName(identity, user), "caseloads");
        model.addAttribute("layout", layout);
        if (Caseloads.VIEWERS.stream().noneMatch(viewer::in)) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute("problem", "caseloadsRole");
            return "tracker/problem";
        }
        var chosen = team == null || team.isBlank() ? null : team.strip();
        var view = caseloads.of(viewer, chosen);
        audited(user, viewer, view.childrenShown(), "caseloads");
        model.addAttribute("view", view);
        model.addAttribute("team", chosen);
        int most = view.workers().stream().mapToInt(Caseloads.WorkerLoad::children).max().orElse(0);
        var widths = new java.util.HashMap<String, Long>(); // the bars' widths in steps of 10%, as classes (no inline style)
        view.workers().forEach(w -> widths.put(w.worker(), most == 0 ? 0 : Math.round(10.0 * w.children() / most) * 10));
        model.addAttribute("widths", widths);
        model.addAttribute("asOf", caseloads.today().format(TrackerPage.DAY));
        return "tracker/caseloads";
    }

    static String signIn(HttpServletRequest request, HttpServletResponse response, Model model, String current, PageLayouts layouts) {
        SignIn.redirect(request, response);
        model.addAttribute("layout", layouts.of(null, null, current));
        model.addAttribute("problem", "signIn");
        model.addAttribute("signIn", SignIn.andBackTo(request));
        return "tracker/problem";
    }

    private void audited(String user, Viewer viewer, java.util.Collection<String> shown, String subject) {
        identity.setAuthentication(user, List.copyOf(viewer.groups())); // the audit trail names them
        try {
            audit.readAll(shown, subject);
        } finally {
            identity.clearAuthentication();
        }
    }
}
