package org.carepath.panel;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The council's own panel types beside CarePath's four, from {@code carepath.panel.types}, each with its quorum
 * rule, capacity and minutes per case. A definition that is not one stops the start, saying why.
 *
 * <pre>{@code
 * carepath.panel.types:
 *   - name: KINSHIP
 *     minimum-members: 3
 *     chair-or-vice-chair: true
 *     social-worker-years: 0
 *     independent-members: 1
 *     capacity: 5
 *     minutes-per-case: 45
 *     source: Council standard for kinship care panels
 * }</pre>
 */
@Component
class CouncilPanelTypes {

    private static final Logger log = LoggerFactory.getLogger(CouncilPanelTypes.class);

    record Definition(String name, Integer minimumMembers, Boolean chairOrViceChair, Integer socialWorkerYears,
                      Integer independentMembers, Integer capacity, Integer minutesPerCase, String source) {
    }

    CouncilPanelTypes(Environment environment) {
        List<Definition> definitions = Binder.get(environment)
                .bind("carepath.panel.types", Bindable.listOf(Definition.class)).orElse(List.of());
        for (var d : definitions) {
            var type = PanelType.council(d.name(), new QuorumRule(d.minimumMembers() == null ? 3 : d.minimumMembers(),
                            d.chairOrViceChair() == null || d.chairOrViceChair(), d.socialWorkerYears() == null ? -1 : d.socialWorkerYears(),
                            d.independentMembers() == null ? 0 : d.independentMembers(), d.source() == null ? "Council standard" : d.source()),
                    d.capacity() == null ? 6 : d.capacity(), d.minutesPerCase() == null ? 45 : d.minutesPerCase());
            log.info("Panel type {} of the council: quorum {}, {} cases a sitting", type, type.quorum(), type.capacity());
        }
    }
}
