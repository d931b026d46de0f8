package org.carepath.panel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A panel a council runs, with its quorum rule, how many cases a sitting hears, how long each case takes on
 * the agenda, and the catalogue key of its papers deadline (working days before the sitting). Four are built in,
 * their quorum as the regulations set it; a council adds its own in configuration ({@link CouncilPanelTypes}).
 */
final class PanelType {

    static final String PAPERS_DEADLINE = "PANEL_PAPERS";
    static final Pattern NAME = Pattern.compile("[A-Z][A-Z_]{1,19}");

    private static final Map<String, PanelType> KNOWN = new LinkedHashMap<>();

    /** Local standard: the council's own panel that scrutinises permanence plans. */
    static final PanelType PERMANENCE = builtIn("PERMANENCE", new QuorumRule(3, true, -1, 0, "Local standard"), 6, 40);
    /** Adoption Agencies Regulations 2005, reg 3: five members with the chair or a vice-chair, a social worker with three years' experience, an independent member. */
    static final PanelType ADOPTION = builtIn("ADOPTION", new QuorumRule(5, true, 3, 1, "Adoption Agencies Regulations 2005, reg 3"), 6, 45);
    /** The adoption panel considering a proposed match: the same regulation. */
    static final PanelType MATCHING = builtIn("MATCHING", new QuorumRule(5, true, 3, 1, "Adoption Agencies Regulations 2005, reg 3"), 4, 60);
    /** Fostering Services (England) Regulations 2011, reg 23: the same composition as an adoption panel. */
    static final PanelType FOSTERING = builtIn("FOSTERING", new QuorumRule(5, true, 3, 1, "Fostering Services (England) Regulations 2011, reg 23"), 6, 45);

    private final String name;
    private final QuorumRule quorum;
    private final int capacity;
    private final int minutesPerCase;
    private final boolean builtIn;

    private PanelType(String name, QuorumRule quorum, int capacity, int minutesPerCase, boolean builtIn) {
        this.name = name;
        this.quorum = quorum;
        this.capacity = capacity;
        this.minutesPerCase = minutesPerCase;
        this.builtIn = builtIn;
    }

    private static PanelType builtIn(String name, QuorumRule quorum, int capacity, int minutesPerCase) {
        var type = new PanelType(name, quorum, capacity, minutesPerCase, true);
        KNOWN.put(name, type);
        return type;
    }

    /** A council's own panel type; refused when it would replace a built-in one or its definition is not one. */
    static synchronized PanelType council(String name, QuorumRule quorum, int capacity, int minutesPerCase) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A panel type's name is 2 to 20 capital letters or underscores, e.g. KINSHIP: " + name);
        }
        var known = KNOWN.get(name);
        if (known != null && known.builtIn) {
            throw new IllegalArgumentException(name + " is one of CarePath's own panel types: its quorum is the regulations'");
        }
        if (quorum.minimumMembers() < 1 || capacity < 1 || capacity > 20 || minutesPerCase < 5) {
            throw new IllegalArgumentException("Panel type " + name + ": at least 1 member for quorum, 1 to 20 cases a sitting and"
                    + " 5 minutes a case");
        }
        var type = new PanelType(name, quorum, capacity, minutesPerCase, false);
        KNOWN.put(name, type);
        return type;
    }

    static synchronized List<PanelType> values() {
        return new ArrayList<>(KNOWN.values());
    }

    /** The panel type of that name; {@link IllegalArgumentException} for one the council does not run. */
    static synchronized PanelType valueOf(String name) {
        var type = name == null ? null : KNOWN.get(name);
        if (type == null) {
            throw new IllegalArgumentException("No panel type " + name);
        }
        return type;
    }

    static synchronized boolean known(String name) {
        return name != null && KNOWN.containsKey(name);
    }

    String name() {
        return name;
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

    @Override
    public String toString() {
        return name;
    }

    /** Stored by name. */
    @jakarta.persistence.Converter(autoApply = true)
    static class Column implements jakarta.persistence.AttributeConverter<PanelType, String> {
        @Override
        public String convertToDatabaseColumn(PanelType type) {
            return type == null ? null : type.name;
        }

        @Override
        public PanelType convertToEntityAttribute(String name) {
            return name == null ? null : valueOf(name);
        }
    }
}
