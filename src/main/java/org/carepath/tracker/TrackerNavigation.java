package org.carepath.tracker;

import java.util.ArrayList;
import java.util.List;

import org.carepath.identity.Viewer;
import org.carepath.web.PageLayout.Link;
import org.carepath.web.PageNavigation;
import org.springframework.stereotype.Component;

/** The tracker's and the manager's pages in the shared navigation, each only for the roles it serves. */
@Component
class TrackerNavigation implements PageNavigation {

    @Override
    public int order() {
        return 100;
    }

    @Override
    public List<Link> links(Viewer viewer, String current) {
        var links = new ArrayList<Link>();
        links.add(new Link("Tracker", "/tracker", current.equals("tracker")));
        links.add(new Link("Escalations", "/tracker/escalations", current.equals("escalations")));
        if (Caseloads.VIEWERS.stream().anyMatch(viewer::in)) {
            links.add(new Link("Caseloads", "/tracker/caseloads", current.equals("caseloads")));
        }
        if (IroReviews.VIEWERS.stream().anyMatch(viewer::in)) {
            links.add(new Link(viewer.in(org.carepath.identity.Groups.IRO) ? "My reviews" : "IRO reviews", "/tracker/reviews",
                    current.equals("reviews")));
        }
        if (ManagerView.MANAGERS.stream().anyMatch(viewer::in)) {
            links.add(new Link("Manager view", "/manager", current.equals("manager")));
            links.add(new Link("Figures", "/tracker/figures", current.equals("figures")));
        }
        return List.copyOf(links);
    }
}
