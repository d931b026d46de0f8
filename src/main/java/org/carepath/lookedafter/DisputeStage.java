package org.carepath.lookedafter;

/** The stages an IRO's concern climbs, in order, each the response of a more senior manager. */
public enum DisputeStage {
    TEAM_MANAGER, SERVICE_MANAGER, HEAD_OF_SERVICE, DIRECTOR
}
