package org.carepath.panel;

import java.util.Set;

/** A person's role on panel. Legal advisers and panel advisers advise the panel; they are not members of it. */
enum PanelRole {
    CHAIR, VICE_CHAIR, SOCIAL_WORKER, INDEPENDENT_MEMBER, MEDICAL_ADVISER, LEGAL_ADVISER, PANEL_ADVISER;

    static final Set<PanelRole> ADVISERS_ONLY = Set.of(LEGAL_ADVISER, PANEL_ADVISER);

    boolean member() {
        return !ADVISERS_ONLY.contains(this);
    }
}
