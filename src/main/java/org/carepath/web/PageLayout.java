package org.carepath.web;

import java.util.List;

/**
 * What {@code templates/layout.html}, the layout every server-rendered page shares, needs of a page: the council's
 * name and logo, who is signed in, the navigation between the pages this person has (each link only for the roles
 * the page serves) and the page's own stylesheets and scripts beside the shared ones. Made by {@link PageLayouts}.
 */
public record PageLayout(String councilName, String councilLogo, String signedIn, List<Link> navigation, List<String> stylesheets,
                         List<String> scripts) {

    /** A link of the navigation; {@code current} for the page shown. */
    public record Link(String label, String href, boolean current) {
    }

    /** The same layout with the page's own stylesheets and scripts (paths served by the app). */
    public PageLayout with(List<String> stylesheets, List<String> scripts) {
        return new PageLayout(councilName, councilLogo, signedIn, navigation, List.copyOf(stylesheets), List.copyOf(scripts));
    }
}
