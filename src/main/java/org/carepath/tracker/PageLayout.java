package org.carepath.tracker;

import java.util.ArrayList;
import java.util.List;

import org.carepath.identity.Groups;
import org.carepath.identity.Viewer;

/**
 * What {@code templates/layout.html} needs of every page: the council's name and logo, who is signed in, and the
 * navigation between the pages this person has (each link only for the roles the page serves).
 */
record PageLayout(String councilName, String councilLogo, String signedIn, List<Link> navigation, List<String> stylesheets,
                  List<String> scripts) {

    record Link(String label, String href, boolean current) {
    }

    static final List<String> PANEL_READERS = List.of(Groups.PANEL_ADMINISTRATOR, Groups.ADMIN, Groups.TEAM_MANAGER, Groups.SERVICE_MANAGER);

    static PageLayout of(Council council, Viewer viewer, String signedIn, String current) {
        var links = new ArrayList<Link>();
        if (viewer != null) {
            links.add(new Link("Tracker", "/tracker", current.equals("tracker")));
            links.add(new Link("Escalations", "/tracker/escalations", current.equals("escalations")));
            if (Caseloads.VIEWERS.stream().anyMatch(viewer::in)) {
                links.add(new Link("Caseloads", "/tracker/caseloads", current.equals("caseloads")));
            }
            if (IroReviews.VIEWERS.stream().anyMatch(viewer::in)) {
                links.add(new Link(viewer.in(Groups.IRO) ? "My reviews" : "IRO reviews", "/tracker/reviews", current.equals("reviews")));
            }
            if (ManagerView.MANAGERS.stream().anyMatch(viewer::in)) {
                links.add(new Link("Manager view", "/manager", current.equals("manager")));
                links.add(new Link("Figures", "/tracker/figures", current.equals("figures")));
            }
            if (PANEL_READERS.stream().anyMatch(viewer::in)) {
                links.add(new Link("Panels", "/panel", false));
            }
            links.add(new Link("Tasklist", "/camunda/app/tasklist/", false));
        }
        return new PageLayout(council.name(), council.logo(), signedIn, List.copyOf(links), List.of(), List.of());
    }

    PageLayout with(List<String> stylesheets, List<String> scripts) {
        return new PageLayout(councilName, councilLogo, signedIn, navigation, stylesheets, scripts);
    }
}
