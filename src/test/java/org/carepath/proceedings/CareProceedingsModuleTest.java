package org.carepath.proceedings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.carepath.child.Children;
import org.carepath.child.LegalStatus;
import org.carepath.child.LegalStatusChanged;
import org.carepath.child.NewChild;
import org.carepath.referral.ReferralJourneyEnded;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The care proceedings module with the modules it depends on (and the embedded database), without the
 * journeys that depend on it: what it does when the facts it listens for are published. The engine,
 * identity and web modules are named because care proceedings use their types, not their beans, and
 * the engine module is what deploys the models.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = {"database", "engine", "identity", "web"})
@ActiveProfiles({"local", "test"})
@TestPropertySource(properties = "carepath.database.embedded.data-directory=target/embedded-postgres-proceedings-module")
class CareProceedingsModuleTest {

    private static final AtomicInteger CHILDREN = new AtomicInteger();

    @Autowired
    Children children;
    @Autowired
    ProceedingsRepository cases;

    @Test
    void aReferralJourneyEndingWithARequestForLegalPlanningStartsCareProceedingsForTheChild(Scenario scenario) {
        var child = children.register(new NewChild("Mia", "Module-" + CHILDREN.incrementAndGet(), null, null, null)).reference();

        scenario.publish(new ReferralJourneyEnded(child, "referral-journey-1", "CHILD_IN_NEED_PLAN", true,
                        "Third assessment in a year; parents not engaging.", "team-manager"))
                .andWaitForStateChange(() -> cases.findLiveFor(child))
                .andVerify(live -> assertThat(live).hasValueSatisfying(started -> {
                    assertThat(started.status()).isEqualTo(ProceedingsStatus.LEGAL_PLANNING);
                    assertThat(started.processInstanceId()).isNotNull();
                }));
    }

    @Test
    void aCourtOrderGivesTheChildTheLegalStatusItMakes(Scenario scenario) {
        var child = children.register(new NewChild("Ella", "Module-" + CHILDREN.incrementAndGet(), null, null, null)).reference();

        scenario.publish(new CourtOrderMade(child, 42, OrderType.INTERIM_CARE_ORDER, LocalDate.of(2026, 3, 13)))
                .andWaitForEventOfType(LegalStatusChanged.class).matching(changed -> changed.childReference().equals(child))
                .toArriveAndVerify(changed -> {
                    assertThat(changed.previous()).isEqualTo(LegalStatus.NOT_LOOKED_AFTER);
                    assertThat(changed.legalStatus()).isEqualTo(LegalStatus.INTERIM_CARE_ORDER);
                    assertThat(children.get(child).legalStatusHistory()).singleElement()
                            .satisfies(status -> assertThat(status.reason()).isEqualTo("Interim care order made on 2026-03-13 (care proceedings 42)"));
                });
    }

    @Test
    void aReferralJourneyEndingWithoutARequestForLegalPlanningStartsNothing(Scenario scenario) {
        var child = children.register(new NewChild("Noah", "Module-" + CHILDREN.incrementAndGet(), null, null, null)).reference();

        scenario.publish(new ReferralJourneyEnded(child, "referral-journey-2", "NO_FURTHER_ACTION", false, null, "team-manager"))
                .andWaitForEventOfType(ReferralJourneyEnded.class).matching(ended -> ended.childReference().equals(child))
                .toArriveAndVerify(ended -> assertThat(cases.findLiveFor(child)).isEmpty());
    }
}
