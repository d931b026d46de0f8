package org.carepath.proceedings;

/** How likely a case is to miss its time limit, for the manager view. */
public enum Risk {
    GREEN, AMBER, RED
}
