package org.carepath.panel;

import java.util.List;

import org.carepath.identity.Viewer;
import org.carepath.web.PageLayout.Link;
import org.carepath.web.PageNavigation;
import org.springframework.stereotype.Component;

/** The panel administrator's pages in the shared navigation: for those who may read them. */
@Component
class PanelNavigation implements PageNavigation {

    @Override
    public int order() {
        return 200;
    }

    @Override
    public List<Link> links(Viewer viewer, String current) {
        return PanelPages.READERS.stream().anyMatch(viewer::in) ? List.of(new Link("Panels", "/panel", current.equals("panel"))) : List.of();
    }
}
