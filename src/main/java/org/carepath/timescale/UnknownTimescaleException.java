package org.carepath.timescale;

public class UnknownTimescaleException extends IllegalArgumentException {

    public UnknownTimescaleException(String key) {
        super("No timescale '" + key + "' in the catalogue");
    }
}
