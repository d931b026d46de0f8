package org.carepath.audit;

/** How the access came in. */
public enum AccessInterface {
    /** CarePath's own API, {@code /api}. */
    API,
    /** The Camunda web apps: Tasklist, Cockpit, Admin. */
    TASKLIST,
    /** Camunda's REST API, {@code /engine-rest}. */
    ENGINE_REST,
    /** The manager's pages: the manager view, {@code /manager}, and the tracker, {@code /tracker}. */
    MANAGER_VIEW,
    /** The application itself: timers, start-up. */
    SYSTEM;

    private static final ThreadLocal<AccessInterface> CURRENT = new ThreadLocal<>();

    static AccessInterface current() {
        var current = CURRENT.get();
        return current == null ? SYSTEM : current;
    }

    static void set(AccessInterface value) {
        CURRENT.set(value);
    }

    static void clear() {
        CURRENT.remove();
    }

    static AccessInterface of(String path) {
        if (path.startsWith("/api/")) {
            return API;
        }
        if (path.startsWith("/engine-rest/")) {
            return ENGINE_REST;
        }
        if (path.equals("/manager") || path.startsWith("/manager/") || path.equals("/tracker") || path.equals("/tracker.csv")
                || path.startsWith("/tracker/")) {
            return MANAGER_VIEW;
        }
        if (path.startsWith("/camunda/")) {
            return TASKLIST;
        }
        return SYSTEM;
    }
}
