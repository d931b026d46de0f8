package org.carepath.proceedings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.carepath.CarePathTest;
import org.carepath.ProcessTestSupport;
import org.carepath.events.IncompleteEventsRetry;
import org.carepath.referral.ReferralFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The hand-off from a referral's sign-off to care proceedings, through the event publication registry:
 * the sign-off never fails because of care proceedings, and a request for a legal planning meeting is
 * never lost.
 */
@CarePathTest
class ReferralHandOffTest extends ProcessTestSupport {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    ReferralFixtures referrals;
    @Autowired
    Proceedings proceedings;
    @Autowired
    IncompleteEventsRetry retry;
    @Autowired
    ThreadPoolTaskExecutor applicationTaskExecutor;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSignOffAskingForLegalPlanningWhileCareProceedingsAreUnderWayIsDoneAndTheRequestJoinsTheLiveCase() {
        // given a referral at its sign-off, about a child whose care proceedings are already under way
        clockAt("2026-04-20T10:00");
        var referral = referrals.atSignOff("2026-04-20T09:30:00+01:00");
        var live = proceedings.request(referral.childReference(), "Neglect persists despite a child protection plan.", "team-manager");

        // when the team manager signs off asking for a legal planning meeting
        signOffAskingForLegalPlanning(referral);

        // then the sign-off is done (no 409), the request is handled, and it joins the live case's record
        BpmnAwareTests.assertThat(referral.instance()).isEnded();
        await().atMost(PATIENCE).until(() -> handOffsWaiting(referral.childReference()) == 0);
        assertThat(proceedings.forChild(referral.childReference())).singleElement()
                .satisfies(only -> assertThat(only.id()).isEqualTo(live.id()));
        assertThat(jdbc.queryForList("select detail from audit_event where child_reference = ? and subject = ?", String.class,
                referral.childReference(), "legal planning asked for again"))
                .singleElement().asString().contains("Third assessment in a year").contains("care proceedings " + live.id());
    }

    @Test
    void aFailingHandOffNeitherFailsTheSignOffNorLosesTheRequestWhichIsHandledOnceTheFaultIsRemoved() {
        // given a referral at its sign-off, and care proceedings that cannot start (their process suspended)
        clockAt("2026-04-20T10:00");
        var referral = referrals.atSignOff("2026-04-20T09:30:00+01:00");
        var repository = engine.getRepositoryService();
        repository.suspendProcessDefinitionByKey(Proceedings.PROCESS);
        try {
            long handedOver = applicationTaskExecutor.getThreadPoolExecutor().getCompletedTaskCount();

            // when the team manager signs off asking for a legal planning meeting
            signOffAskingForLegalPlanning(referral);

            // then the sign-off is done, care proceedings could not start, and the request waits in the registry
            BpmnAwareTests.assertThat(referral.instance()).isEnded();
            await().atMost(PATIENCE).until(() -> applicationTaskExecutor.getThreadPoolExecutor().getCompletedTaskCount() > handedOver
                    && applicationTaskExecutor.getActiveCount() == 0 && applicationTaskExecutor.getQueueSize() == 0);
            assertThat(proceedingsFor(referral.childReference())).isEmpty();
            assertThat(handOffsWaiting(referral.childReference())).isOne();
        } finally {
            repository.activateProcessDefinitionByKey(Proceedings.PROCESS);
        }

        // when the fault is removed and the waiting events are handed over again
        retry.retryOlderThan(Duration.ZERO);

        // then care proceedings start for the child, once, and nothing waits any more
        await().atMost(PATIENCE).until(() -> handOffsWaiting(referral.childReference()) == 0);
        assertThat(proceedingsFor(referral.childReference())).singleElement().satisfies(started -> {
            assertThat(started.status()).isEqualTo(ProceedingsStatus.LEGAL_PLANNING);
            assertThat(started.reason()).isEqualTo("Third assessment in a year; parents not engaging.");
            assertThat(started.requestedBy()).isEqualTo("team-manager");
        });
    }

    private void signOffAskingForLegalPlanning(ReferralFixtures.Taken referral) {
        referrals.complete(referral, "Task_SignOffAssessment", "team-manager", Map.of("signOffDecision", "child-in-need",
                "signOffRationale", "Child in need plan while we take legal advice.", "legalPlanningRequested", true,
                "legalPlanningReason", "Third assessment in a year; parents not engaging."));
    }

    private List<ProceedingsView> proceedingsFor(String childReference) {
        return proceedings.forChild(childReference);
    }

    /** Events about the child some listener has not yet handled. */
    private int handOffsWaiting(String childReference) {
        return jdbc.queryForObject("select count(*) from event_publication where completion_date is null and serialized_event like ?",
                Integer.class, "%\"" + childReference + "\"%");
    }
}
