package org.carepath.timescale;

public enum TimescaleUnit {
    WORKING_DAYS, DAYS, WEEKS, MONTHS
}
