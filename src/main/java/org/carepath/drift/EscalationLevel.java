package org.carepath.drift;

/** The rungs of the escalation ladder. */
public enum EscalationLevel {
    TEAM_MANAGER(1), SERVICE_MANAGER(2);

    private final int level;

    EscalationLevel(int level) {
        this.level = level;
    }

    public int level() {
        return level;
    }

    static EscalationLevel of(int level) {
        for (var value : values()) {
            if (value.level == level) {
                return value;
            }
        }
        throw new IllegalArgumentException("No escalation level " + level);
    }
}
