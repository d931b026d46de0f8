package org.carepath.demo;

/** The seed could not go on: outside the local profile, or a step the API or a journey refused. */
public class DemoSeedException extends RuntimeException {

    DemoSeedException(String message) {
        super(message);
    }
}
