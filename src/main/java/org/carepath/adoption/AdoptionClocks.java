package org.carepath.adoption;

import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

/** The adoption scorecard's clocks of every child with an open adoption case, in words, for the permanence tracker. */
@Service
public class AdoptionClocks {

    private final AdoptionMatching matching;

    AdoptionClocks(AdoptionMatching matching) {
        this.matching = matching;
    }

    /**
     * Child's reference → the clocks in words, e.g. A1 412 of 426 days, running; A2 106 of 121 days; A10 275 of 426 days:
     * for each of these children with an open adoption case.
     */
    public Map<String, String> ofOpenCases(java.util.Collection<String> childReferences) {
        return matching.openScorecards(childReferences).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> inWords(entry.getValue())));
    }

    /**
     * The adoption scorecard of the children adopted from {@code from} to {@code to} (both included) whom {@code counted}
     * accepts, e.g. the children in a manager's scope, as {@code GET /api/adoption/scorecard} computes it.
     */
    public AuthorityScorecard scorecard(java.time.LocalDate from, java.time.LocalDate to, java.util.function.Predicate<String> counted) {
        return matching.authority(from, to, counted);
    }

    static String inWords(AdoptionScorecard card) {
        var words = new StringBuilder(measure("A1", card.a1()));
        if (card.a2() != null) {
            words.append("; ").append(measure("A2", card.a2()));
        }
        return words.append("; ").append(measure("A10", card.a10())).toString();
    }

    private static String measure(String name, AdoptionScorecard.Measure measure) {
        return name + " " + measure.days() + " of " + measure.threshold() + " days" + (measure.running() ? ", running" : "")
                + (measure.overThreshold() ? ", past the threshold" : "");
    }
}
