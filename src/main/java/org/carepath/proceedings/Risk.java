package org.carepath.proceedings;

/**
 * How likely a case is to miss its time limit, for the manager view. RED: past the current deadline (the
 * 26 weeks with any extensions), no issues resolution hearing listed after the date the timescale
 * catalogue sets for it, or a deadline of the case or its court directions overdue. AMBER: no issues
 * resolution hearing listed from the catalogue's warning date for it, or a deadline near. Otherwise GREEN.
 */
public enum Risk {
    GREEN, AMBER, RED
}
