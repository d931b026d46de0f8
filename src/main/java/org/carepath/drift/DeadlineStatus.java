package org.carepath.drift;

public enum DeadlineStatus {
    ON_TIME, WARNING, OVERDUE
}
