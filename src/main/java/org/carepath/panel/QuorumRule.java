package org.carepath.panel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * When a panel may sit: how many members are present, including the chair or a vice-chair, a social worker
 * (with so many years' post-qualifying experience) and so many independent members.
 *
 * @param minimumMembers            members of the panel present (advisers who are not members do not count)
 * @param chairOrViceChair          the chair or a vice-chair is among them
 * @param socialWorkerYears         a social worker with at least this many years since qualifying; -1: none needed
 * @param minimumIndependentMembers independent members among them
 * @param source                    the regulation or local standard the rule comes from
 */
record QuorumRule(int minimumMembers, boolean chairOrViceChair, int socialWorkerYears, int minimumIndependentMembers,
                  String source) {

    /** Whether these people make a quorum on the day of the sitting, and if not, every reason why not. */
    Quorum assess(Collection<PanelMember> present, LocalDate sittingDate) {
        var members = present.stream().filter(m -> m.role().member()).toList();
        var reasons = new ArrayList<String>();
        if (members.size() < minimumMembers) {
            reasons.add(members.size() + " member" + (members.size() == 1 ? "" : "s") + " of the panel, at least "
                    + minimumMembers + " needed");
        }
        if (chairOrViceChair && members.stream().noneMatch(m -> m.role() == PanelRole.CHAIR || m.role() == PanelRole.VICE_CHAIR)) {
            reasons.add("no chair or vice-chair");
        }
        if (socialWorkerYears >= 0 && members.stream().noneMatch(m -> m.role() == PanelRole.SOCIAL_WORKER
                && m.qualifiedOn() != null && !m.qualifiedOn().isAfter(sittingDate.minusYears(socialWorkerYears)))) {
            reasons.add(socialWorkerYears == 0 ? "no social worker"
                    : "no social worker with at least " + socialWorkerYears + " years' post-qualifying experience");
        }
        long independent = members.stream().filter(m -> m.role() == PanelRole.INDEPENDENT_MEMBER).count();
        if (independent < minimumIndependentMembers) {
            reasons.add(independent + " independent member" + (independent == 1 ? "" : "s") + ", at least "
                    + minimumIndependentMembers + " needed");
        }
        return new Quorum(reasons.isEmpty(), members.size(), List.copyOf(reasons), source);
    }

    /** The outcome: met, or the reasons it is not. */
    record Quorum(boolean met, int members, List<String> reasons, String rule) {
    }
}
