package org.carepath.identity;

import java.util.List;

/** The groups of CarePath's users (Camunda groups; Keycloak realm roles). */
public final class Groups {

    public static final String PRACTITIONER = "practitioner";
    public static final String TEAM_MANAGER = "team-manager";
    public static final String SERVICE_MANAGER = "service-manager";
    public static final String HEAD_OF_SERVICE = "head-of-service";
    public static final String DIRECTOR = "director";
    public static final String IRO = "iro";
    public static final String PANEL_ADMINISTRATOR = "panel-administrator";
    /** A member of the central list of people who sit on panels, who signs in to read their sittings' papers. */
    public static final String PANEL_MEMBER = "panel-member";
    public static final String AGENCY_DECISION_MAKER = "agency-decision-maker";
    public static final String PERSONAL_ADVISER = "personal-adviser";
    public static final String LEGAL = "legal";
    public static final String ADMIN = "admin";

    /** Who may own an action decided for a child (at a review, a meeting or a panel), in the order a role is chosen. */
    public static final List<String> ACTION_OWNERS = List.of(PRACTITIONER, TEAM_MANAGER, SERVICE_MANAGER, IRO, LEGAL);

    /** Camunda's built-in administrators group: every permission, Cockpit and Admin. */
    static final String CAMUNDA_ADMIN = "camunda-admin";

    static final List<String> ALL = List.of(PRACTITIONER, TEAM_MANAGER, SERVICE_MANAGER, HEAD_OF_SERVICE, DIRECTOR, IRO, PANEL_ADMINISTRATOR,
            PANEL_MEMBER, AGENCY_DECISION_MAKER, PERSONAL_ADVISER, LEGAL, ADMIN);

    private Groups() {
    }

    static String describe(String group) {
        return switch (group) {
            case PRACTITIONER -> "Social workers";
            case TEAM_MANAGER -> "Team managers";
            case SERVICE_MANAGER -> "Service managers";
            case HEAD_OF_SERVICE -> "Heads of service";
            case DIRECTOR -> "Directors of children's services";
            case IRO -> "Independent reviewing officers and conference chairs";
            case PANEL_ADMINISTRATOR -> "Panel administrators";
            case PANEL_MEMBER -> "Panel members";
            case AGENCY_DECISION_MAKER -> "Agency decision makers";
            case PERSONAL_ADVISER -> "Personal advisers";
            case LEGAL -> "Local authority solicitors";
            case ADMIN -> "CarePath administrators";
            default -> group;
        };
    }
}
