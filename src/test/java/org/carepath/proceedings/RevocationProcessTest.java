package org.carepath.proceedings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carepath.ProcessTest;
import org.carepath.ProcessTestSupport;
import org.carepath.child.Children;
import org.carepath.child.LegalStatus;
import org.carepath.child.NewChild;
import org.carepath.web.ConflictException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** processes/revocation-of-care-order.bpmn: children on a care order at home do not wait in care without reason. */
@ProcessTest(Revocations.PROCESS)
class RevocationProcessTest extends ProcessTestSupport {

    @Autowired
    Revocations revocations;
    @Autowired
    Children children;

    @Test
    void aDischargedCareOrderEndsTheChildsLookedAfterStatus() {
        var child = childOnACareOrder();
        var instance = consider(child);
        // 20 working days from Thursday 2 April 2026, over Easter and the early May bank holiday
        assertThat(task(instance.getId(), "Task_DecideWhetherToApplyForDischarge").getDueDate()).isEqualTo(endOfDay("2026-05-05"));

        decide(instance, "apply");
        clockAt("2026-04-10T10:00");
        // 15 working days from the decision on 2 April
        assertThat(task(instance.getId(), "Task_MakeDischargeApplication").getDueDate()).isEqualTo(endOfDay("2026-04-27"));
        completeAs("legal", task(instance.getId(), "Task_MakeDischargeApplication"), Map.of("dischargeAppliedOn", "2026-04-10"));
        // heard within 12 weeks of the application
        assertThat(task(instance.getId(), "Task_RecordDischargeHearing").getDueDate()).isEqualTo(endOfDay("2026-07-03"));

        clockAt("2026-06-19T15:00");
        completeAs("legal", task(instance.getId(), "Task_RecordDischargeHearing"), Map.of("dischargeHearingHeldOn", "2026-06-19",
                "dischargeOutcome", "discharged", "dischargeCourtReasons", "Settled at home for two years."));

        assertThat(instance).isEnded().hasPassed("End_CareOrderDischarged");
        var record = children.get(child);
        assertThat(record.legalStatus()).isEqualTo(LegalStatus.NOT_LOOKED_AFTER);
        assertThat(record.legalStatusHistory()).last().satisfies(change -> assertThat(change.effectiveOn()).isEqualTo(LocalDate.of(2026, 6, 19)));
        assertThat(revocations.forChild(child)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo("DISCHARGED");
            assertThat(r.appliedOn()).isEqualTo(LocalDate.of(2026, 4, 10));
        });
    }

    @Test
    void aRefusedApplicationLeavesTheCareOrderInPlace() {
        var child = childOnACareOrder();
        var instance = consider(child);
        decide(instance, "apply");
        completeAs("legal", task(instance.getId(), "Task_MakeDischargeApplication"), Map.of("dischargeAppliedOn", "2026-04-02"));
        completeAs("legal", task(instance.getId(), "Task_RecordDischargeHearing"), Map.of("dischargeHearingHeldOn", "2026-04-02",
                "dischargeOutcome", "refused", "dischargeCourtReasons", "Too soon."));
        assertThat(instance).isEnded().hasPassed("End_DischargeRefused");
        assertThat(children.get(child).legalStatus()).isEqualTo(LegalStatus.CARE_ORDER);
    }

    @Test
    void notYetComesBackForDecisionAfterThreeMonthsAndTheOrderMayStay() {
        var child = childOnACareOrder();
        var instance = consider(child);
        decide(instance, "not-yet");
        assertThat(instance).isWaitingAt("Event_ReconsiderationDue");
        assertThat(timer(instance.getId(), "Event_ReconsiderationDue").getDuedate()).isEqualTo(endOfDay("2026-07-02"));

        fire(instance.getId(), "Event_ReconsiderationDue");
        assertThat(instance).isWaitingAt("Task_DecideWhetherToApplyForDischarge");
        assertThat(engine.getTaskService().getVariable(task(instance.getId(), "Task_DecideWhetherToApplyForDischarge").getId(),
                "dischargeDecision")).as("a fresh decision").isNull();
        decide(instance, "remain-on-care-order");
        assertThat(instance).isEnded().hasPassed("End_CareOrderContinues");
        assertThat(revocations.forChild(child).get(0).status()).isEqualTo("CARE_ORDER_CONTINUES");
    }

    @Test
    void onlyAChildOnACareOrderCanBeConsidered() {
        clockAt("2026-04-02T10:00");
        var child = children.register(new NewChild("Mo", "Athome", null, null, null)).reference();
        assertThatThrownBy(() -> revocations.consider(child, "Placed at home", "team-manager"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("not on a care order");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"DischargeDecision, dischargeConsideredAt, team-manager",
            "DischargeApplication, dischargeDecidedAt, legal",
            "DischargeHearing, dischargeAppliedOn, legal"})
    void everyStageRemindsItsWorkerThenEscalatesAMissedDeadline(String stage, String trigger, String group) {
        var child = childOnACareOrder();
        var instance = engine.getRuntimeService().createProcessInstanceByKey(Revocations.PROCESS).businessKey(child)
                .setVariables(vars("childRef", child, "childName", "Ella Home", trigger, londonTime("2026-04-02T09:00")))
                .startBeforeActivity("SubProcess_" + stage).execute();
        STARTED.add(instance.getId());

        walkReminderAndEscalation(instance, stage, group);
    }

    private String childOnACareOrder() {
        clockAt("2026-04-02T10:00");
        var child = children.register(new NewChild("Ella", "Home-" + System.nanoTime(), null, null, null)).reference();
        children.changeLegalStatus(child, LegalStatus.CARE_ORDER, LocalDate.of(2024, 5, 1), "Care order made on 2024-05-01");
        return child;
    }

    private ProcessInstance consider(String child) {
        var view = revocations.consider(child, "Living at home with mother for 18 months; plan is stable.", "team-manager");
        var instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(view.processInstanceId()).singleResult();
        STARTED.add(instance.getId());
        return instance;
    }

    private void decide(ProcessInstance instance, String decision) {
        completeAs("team-manager", task(instance.getId(), "Task_DecideWhetherToApplyForDischarge"),
                Map.of("dischargeDecision", decision, "dischargeRationale", "Reviewed at the looked-after review."));
    }
}
