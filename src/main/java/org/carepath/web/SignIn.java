package org.carepath.web;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Signing in to the manager's and the panel's pages: through the Tasklist's sign-in, which then brings the person back
 * to the page they asked for ({@code carepath-manager-link.js}). Only a page of these (letters, digits, - and _
 * between slashes under /manager, /tracker or /panel) is asked for; anything else comes back to the tracker, so no
 * address can be slipped in.
 */
public final class SignIn {

    static final Pattern PAGE = Pattern.compile("(manager|tracker|panel)(/[A-Za-z0-9_-]{1,64}){0,4}");

    private SignIn() {
    }

    /**
     * The sign-in that comes back to this request's page, as a path under the app's root (no leading slash); for a form
     * sent without a session, to the start of its pages (what was sent is not kept).
     */
    public static String andBackTo(HttpServletRequest request) {
        var page = request.getRequestURI().substring(request.getContextPath().length()).replaceFirst("^/", "");
        if (!PAGE.matcher(page).matches()) {
            page = "tracker";
        } else if (!"GET".equals(request.getMethod())) {
            page = page.replaceFirst("/.*", "");
        }
        return "camunda/app/tasklist/default/?carepath-return=" + page;
    }

    /** Sends the browser to the sign-in (303), and comes back to this page after it. */
    public static void redirect(HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(HttpStatus.SEE_OTHER.value());
        response.setHeader(HttpHeaders.LOCATION, request.getContextPath() + "/" + andBackTo(request));
    }
}
