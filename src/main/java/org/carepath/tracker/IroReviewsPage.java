package org.carepath.tracker;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.carepath.audit.Audit;
import org.carepath.identity.Viewer;
import org.carepath.web.PageLayouts;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /tracker/reviews}: the IRO's page ({@link IroReviews}): the children they review, the next review of each
 * and whether it is late, and their open disputes with where each stands. Managers see it for the children in their
 * scope, narrowed to one IRO if they choose. Each child the page names is one row on their audit trail per page view.
 */
@Controller
class IroReviewsPage {

    private final IroReviews reviews;
    private final IdentityService identity;
    private final Audit audit;
    private final PageLayouts layouts;
    private final org.carepath.timescale.Timescales timescales;

    IroReviewsPage(IroReviews reviews, IdentityService identity, Audit audit, PageLayouts layouts, org.carepath.timescale.Timescales timescales) {
        this.reviews = reviews;
        this.identity = identity;
        this.audit = audit;
        this.layouts = layouts;
        this.timescales = timescales;
    }

    @GetMapping(value = "/tracker/reviews", produces = MediaType.TEXT_HTML_VALUE)
    String page(@RequestParam(required = false) String iro, HttpServletRequest request, HttpServletResponse response, Model model) {
        var user = Viewer.signedIn(request, identity);
        if (user == null) {
            return CaseloadsPage.signIn(request, response, model, "reviews", layouts);
        }
        var viewer = Viewer.of(identity, user);
        model.addAttribute("layout", layouts.of(viewer, ManagerView.displayName(identity, user), "reviews"));
        if (IroReviews.VIEWERS.stream().noneMatch(viewer::in)) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute("problem", "reviewsRole");
            return "tracker/problem";
        }
        var chosen = iro == null || iro.isBlank() ? null : iro.strip();
        var view = reviews.of(viewer, chosen);
        identity.setAuthentication(user, List.copyOf(viewer.groups())); // the audit trail names them
        try {
            audit.readAll(view.childrenShown(), "IRO's reviews");
        } finally {
            identity.clearAuthentication();
        }
        model.addAttribute("view", view);
        model.addAttribute("iro", chosen);
        model.addAttribute("asOf", timescales.today().format(TrackerPage.DAY));
        return "tracker/reviews";
    }
}
