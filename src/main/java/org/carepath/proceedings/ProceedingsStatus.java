package org.carepath.proceedings;

public enum ProceedingsStatus {
    LEGAL_PLANNING, PRE_PROCEEDINGS, TO_BE_ISSUED, ISSUED, CONCLUDED, NO_LEGAL_ACTION, STEPPED_DOWN;

    boolean live() {
        return this != CONCLUDED && this != NO_LEGAL_ACTION && this != STEPPED_DOWN;
    }
}
