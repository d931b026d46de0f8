package org.carepath.tracker;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.carepath.access.ChildAccess;
import org.carepath.audit.Audit;
import org.carepath.child.Children;
import org.carepath.identity.Viewer;
import org.carepath.web.PageLayouts;
import org.carepath.web.SignIn;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /tracker/children/{ref}}: one child's page, for anyone whose scope the child is in. A timeline of every
 * event of every journey, and each journey drawn as its BPMN diagram (bpmn-js, served by the app) with the open
 * steps highlighted, the steps done shaded and each tracked stage's clock marked on time, due soon or overdue.
 */
@Controller
class ChildPage {

    private final IdentityService identity;
    private final ChildAccess access;
    private final Children children;
    private final Audit audit;
    private final ChildTimeline timeline;
    private final JourneyDiagrams diagrams;
    private final PageLayouts layouts;

    ChildPage(IdentityService identity, ChildAccess access, Children children, Audit audit, ChildTimeline timeline,
              JourneyDiagrams diagrams, PageLayouts layouts) {
        this.identity = identity;
        this.access = access;
        this.children = children;
        this.audit = audit;
        this.timeline = timeline;
        this.diagrams = diagrams;
        this.layouts = layouts;
    }

    @GetMapping(value = "/tracker/children/{reference}", produces = MediaType.TEXT_HTML_VALUE)
    String page(@PathVariable String reference, HttpServletRequest request, HttpServletResponse response, Model model) {
        var user = Viewer.signedIn(request, identity);
        if (user == null) {
            SignIn.redirect(request, response);
            model.addAttribute("layout", layouts.of(null, null, "tracker"));
            model.addAttribute("problem", "signIn");
            model.addAttribute("signIn", SignIn.andBackTo(request));
            return "tracker/problem";
        }
        var viewer = Viewer.of(identity, user);
        var layout = layouts.of(viewer, ManagerView.displayName(identity, user), "tracker");
        if (!children.exists(reference) || !access.canAccess(viewer, reference)) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("layout", layout);
            model.addAttribute("problem", "noChild");
            model.addAttribute("reference", reference);
            return "tracker/problem";
        }
        identity.setAuthentication(user, List.copyOf(viewer.groups())); // the audit trail names them
        try {
            audit.read(reference, "tracker: the child's page");
        } finally {
            identity.clearAuthentication();
        }
        model.addAttribute("layout", layout.with(List.of("/webjars/bpmn-js/8.0.0/dist/assets/diagram-js.css",
                "/webjars/bpmn-js/8.0.0/dist/assets/bpmn-font/css/bpmn.css"),
                List.of("/webjars/bpmn-js/8.0.0/dist/bpmn-viewer.production.min.js", "/carepath/assets/journey-diagram.js")));
        model.addAttribute("child", children.get(reference));
        model.addAttribute("events", timeline.of(reference));
        model.addAttribute("diagrams", diagrams.of(reference));
        model.addAttribute("isManager", ManagerView.MANAGERS.stream().anyMatch(viewer::in));
        return "tracker/child";
    }

    /** The BPMN of one of the child's journeys, for the diagram on their page. */
    @GetMapping(value = "/tracker/children/{reference}/journeys/{processInstanceId}/diagram")
    ResponseEntity<String> diagram(@PathVariable String reference, @PathVariable String processInstanceId, HttpServletRequest request) {
        var user = Viewer.signedIn(request, identity);
        if (user == null) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        if (!children.exists(reference) || !access.canAccess(Viewer.of(identity, user), reference)) {
            return ResponseEntity.notFound().build();
        }
        return diagrams.xml(reference, processInstanceId)
                .map(xml -> ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(xml))
                .orElse(ResponseEntity.notFound().build());
    }
}
