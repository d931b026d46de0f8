package org.carepath.child;

public enum Gender {
    FEMALE, MALE, OTHER, NOT_KNOWN
}
