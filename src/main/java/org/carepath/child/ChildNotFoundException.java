package org.carepath.child;

import org.carepath.web.NotFoundException;

public class ChildNotFoundException extends NotFoundException {

    public ChildNotFoundException(String reference) {
        super("No child with reference " + reference);
    }
}
