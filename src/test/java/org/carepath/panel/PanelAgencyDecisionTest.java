package org.carepath.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.carepath.CarePathTest;
import org.carepath.child.LegalStatus;
import org.carepath.web.ConflictException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpMethod;
import org.springframework.transaction.support.TransactionTemplate;

/** The agency decision after panel ratifies the permanence plan on the child's period in care, without panel calling into it. */
@CarePathTest
class PanelAgencyDecisionTest extends PanelTestSupport {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;

    @Test
    @SuppressWarnings("unchecked")
    void anAgreedPlanIsRatifiedByTheAgencyDecisionOnTheOpenPeriodInCare() {
        clockAt("2026-09-07T10:00");
        var child = newChild();
        children.changeLegalStatus(child, LegalStatus.INTERIM_CARE_ORDER, LocalDate.of(2026, 9, 1), "Interim care order made");

        transactions.executeWithoutResult(status -> events.publishEvent(new AgencyDecisionMade(child, "PERMANENCE", true, "LONG_TERM_FOSTERING",
                "  Special guardianship with the aunt ", LocalDate.of(2026, 9, 7), "panel sitting 4, booking 9", List.of())));

        var periods = http.exchange("/api/children/" + child + "/periods-in-care", HttpMethod.GET, signedIn("practitioner", null), List.class);
        var period = (Map<String, Object>) periods.getBody().get(0);
        assertThat((Map<String, Object>) period.get("permanencePlan")).containsEntry("type", "LONG_TERM_FOSTERING")
                .containsEntry("contingency", "Special guardianship with the aunt").containsEntry("ratifiedOn", "2026-09-07")
                .containsEntry("ratifiedBy", "AGENCY_DECISION").containsEntry("ratifiedReference", "panel sitting 4, booking 9");
    }

    @Test
    void aChildNotLookedAfterHasNoPeriodToRatifyAndTheDecisionIsRefused() {
        clockAt("2026-09-07T10:00");
        var child = newChild();
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> events.publishEvent(new AgencyDecisionMade(child,
                "PERMANENCE", true, "ADOPTION", "Long-term fostering", LocalDate.of(2026, 9, 7), "panel sitting 4", List.of()))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("is not looked after");
    }
}
