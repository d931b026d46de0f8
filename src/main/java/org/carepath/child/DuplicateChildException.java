package org.carepath.child;

import org.carepath.web.ConflictException;

public class DuplicateChildException extends ConflictException {

    private final String existingReference;

    DuplicateChildException(String existingReference, String name) {
        super("A child called " + name + " with the same date of birth is already recorded as " + existingReference
                + ": refer that child by reference");
        this.existingReference = existingReference;
    }

    public String existingReference() {
        return existingReference;
    }
}
