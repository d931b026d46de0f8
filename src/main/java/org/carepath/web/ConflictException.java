package org.carepath.web;

/** The request clashes with what is already recorded: answered with 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
