package org.carepath.panel;

/**
 * The panels a council runs, each with its quorum rule, how many cases a sitting hears, how long each case
 * takes on the agenda, and the catalogue key of its papers deadline (working days before the sitting).
 */
enum PanelType {
    /** Local standard: the council's own panel that scrutinises permanence plans. */
    PERMANENCE(new QuorumRule(3, true, -1, 0, "Local standard"), 6, 40),
    /** Adoption Agencies Regulations 2005, reg 3: five members with the chair or a vice-chair, a social worker with three years' experience, an independent member. */
    ADOPTION(new QuorumRule(5, true, 3, 1, "Adoption Agencies Regulations 2005, reg 3"), 6, 45),
    /** The adoption panel considering a proposed match: the same regulation. */
    MATCHING(new QuorumRule(5, true, 3, 1, "Adoption Agencies Regulations 2005, reg 3"), 4, 60),
    /** Fostering Services (England) Regulations 2011, reg 23: the same composition as an adoption panel. */
    FOSTERING(new QuorumRule(5, true, 3, 1, "Fostering Services (England) Regulations 2011, reg 23"), 6, 45);

    static final String PAPERS_DEADLINE = "PANEL_PAPERS";

    private final QuorumRule quorum;
    private final int capacity;
    private final int minutesPerCase;

    PanelType(QuorumRule quorum, int capacity, int minutesPerCase) {
        this.quorum = quorum;
        this.capacity = capacity;
        this.minutesPerCase = minutesPerCase;
    }

    QuorumRule quorum() {
        return quorum;
    }

    /** Cases a sitting hears unless the sitting says otherwise. */
    int capacity() {
        return capacity;
    }

    int minutesPerCase() {
        return minutesPerCase;
    }

    String papersDeadlineKey() {
        return PAPERS_DEADLINE;
    }
}
