package org.carepath.web;

import java.util.List;

import org.carepath.identity.Viewer;

/**
 * A module's part of the shared navigation: the links to its pages this viewer has. Each module with pages declares
 * one as a bean; {@link PageLayouts} puts them in {@link #order()}, so the web layer needs to know no module's roles.
 */
public interface PageNavigation {

    /** Where this module's links go among the others': lower first. */
    int order();

    /** The links for {@code viewer}, the one whose key is {@code current} marked as the page shown. */
    List<PageLayout.Link> links(Viewer viewer, String current);
}
