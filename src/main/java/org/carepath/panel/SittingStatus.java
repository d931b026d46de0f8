package org.carepath.panel;

enum SittingStatus {
    SCHEDULED, CANCELLED
}
