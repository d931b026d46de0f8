package org.carepath.lookedafter;

/** Where an IRO's dispute stands. */
public enum DisputeStatus {
    OPEN, RESOLVED, REFERRED_TO_CAFCASS, CLOSED_CHILD_LEFT_CARE
}
