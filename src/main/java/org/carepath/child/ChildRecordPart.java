package org.carepath.child;

/**
 * A module's part of the child's record as {@code GET /api/children/{reference}} shows it, under its own name
 * (e.g. the current period in care, the permanence panel's recommendations and decisions). The child module
 * knows none of them; each module that keeps something of the child's offers it here. Asked only for a viewer
 * who may see the child.
 */
public interface ChildRecordPart {

    /** The key it appears under in the record. */
    String name();

    /** This module's part of the child's record; {@code null} when it has nothing for the child. */
    Object of(String childReference);
}
