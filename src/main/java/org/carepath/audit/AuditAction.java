package org.carepath.audit;

public enum AuditAction {
    READ, CHANGE
}
