package org.carepath.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.carepath.identity.Viewer;
import org.springframework.stereotype.Component;

/** Makes the shared layout of a page: the council, who is signed in, and every module's links this viewer has. */
@Component
public class PageLayouts {

    private final Council council;
    private final List<PageNavigation> navigation;

    PageLayouts(Council council, List<PageNavigation> navigation) {
        this.council = council;
        this.navigation = navigation.stream().sorted(Comparator.comparingInt(PageNavigation::order)).toList();
    }

    /**
     * The layout for a page whose navigation key is {@code current}; {@code viewer} and {@code signedIn} (the name
     * the header shows) are null before sign-in, when the page has no navigation.
     */
    public PageLayout of(Viewer viewer, String signedIn, String current) {
        var links = new ArrayList<PageLayout.Link>();
        if (viewer != null) {
            navigation.forEach(module -> links.addAll(module.links(viewer, current)));
            links.add(new PageLayout.Link("Tasklist", "/camunda/app/tasklist/", false));
        }
        return new PageLayout(council.name(), council.logo(), signedIn, List.copyOf(links), List.of(), List.of());
    }

    public Council council() {
        return council;
    }
}
