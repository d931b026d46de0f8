package org.carepath.lookedafter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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

/** processes/iro-dispute-resolution.bpmn: an IRO's concern about the care plan climbs until it is resolved or goes to Cafcass. */
@ProcessTest(Disputes.PROCESS)
class IroDisputeProcessTest extends ProcessTestSupport {

    static final List<String> STAGES = List.of("TeamManager", "ServiceManager", "HeadOfService", "Director");
    static final Map<String, String> GROUPS = Map.of("TeamManager", "team-manager", "ServiceManager", "service-manager",
            "HeadOfService", "head-of-service", "Director", "director");

    @Autowired
    Disputes disputes;
    @Autowired
    Children children;

    @Test
    void aDisputeClimbsEveryStageOnTheCataloguesWorkingDaysAndIsReferredToCafcass() {
        var child = lookedAfterChild("2026-12-14T10:00");
        var instance = raise(child);
        // 10 working days from Monday 14 December 2026, over Christmas Day and the Boxing Day substitute (28 December)
        var response = task(instance.getId(), "Task_RespondToIroConcernAsTeamManager");
        assertThat(response.getDueDate()).isEqualTo(endOfDay("2026-12-30"));
        assertThat(response.getFollowUpDate()).isBefore(response.getDueDate());
        assertThat(response).hasCandidateGroup("front-door--team-manager");

        clockAt("2026-12-22T10:00");
        respond("TeamManager", instance, "partly-agreed");
        // the IRO has 5 working days from Tuesday 22 December: 23, 24, 29, 30, 31 December
        var consideration = task(instance.getId(), "Task_ConsiderTeamManagerResponse");
        assertThat(consideration.getDueDate()).isEqualTo(endOfDay("2026-12-31"));
        assertThat(consideration.getAssignee()).as("the IRO who raised it").isEqualTo("iro");

        clockAt("2026-12-31T10:00");
        consider("TeamManager", instance, "not-resolved");
        // 10 working days from Thursday 31 December, over New Year's Day
        assertThat(task(instance.getId(), "Task_RespondToIroConcernAsServiceManager").getDueDate()).isEqualTo(endOfDay("2027-01-15"));
        assertThat(disputes.forChild(child).get(0).currentStage()).isEqualTo(DisputeStage.SERVICE_MANAGER);

        clockAt("2027-01-11T10:00");
        respond("ServiceManager", instance, "not-agreed");
        clockAt("2027-01-12T10:00");
        consider("ServiceManager", instance, "not-resolved");
        assertThat(task(instance.getId(), "Task_RespondToIroConcernAsHeadOfService").getDueDate()).isEqualTo(endOfDay("2027-01-26"));
        respond("HeadOfService", instance, "not-agreed");
        consider("HeadOfService", instance, "not-resolved");
        assertThat(task(instance.getId(), "Task_RespondToIroConcernAsDirector")).hasCandidateGroup("director");
        respond("Director", instance, "not-agreed");

        clockAt("2027-01-15T16:00");
        assertThatThrownBy(() -> consider("Director", instance, "not-resolved")).as("the last stage: resolved or Cafcass")
                .hasMessageContaining("concernOutcome");
        assertThatThrownBy(() -> completeAs("iro", task(instance.getId(), "Task_ConsiderDirectorResponse"),
                Map.of("concernOutcome", "refer-to-cafcass", "concernOutcomeRationale", "No agreement.")))
                .as("the referral's date").hasMessageContaining("cafcassReferredOn");
        completeAs("iro", task(instance.getId(), "Task_ConsiderDirectorResponse"), Map.of("concernOutcome", "refer-to-cafcass",
                "cafcassReferredOn", "2027-01-15", "concernOutcomeRationale", "The plan still leaves the child without contact with her brother."));

        assertThat(instance).isEnded().hasPassed("End_ReferredToCafcass");
        var dispute = disputes.forChild(child).get(0);
        assertThat(dispute.status()).isEqualTo(DisputeStatus.REFERRED_TO_CAFCASS);
        assertThat(dispute.referredToCafcassOn()).isEqualTo(LocalDate.of(2027, 1, 15));
        assertThat(dispute.raisedOn()).isEqualTo(LocalDate.of(2026, 12, 14));
        assertThat(dispute.responses()).extracting(DisputeView.Response::stage, DisputeView.Response::respondedBy, DisputeView.Response::iroOutcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(DisputeStage.TEAM_MANAGER, "team-manager", "not-resolved"),
                        org.assertj.core.groups.Tuple.tuple(DisputeStage.SERVICE_MANAGER, "service-manager", "not-resolved"),
                        org.assertj.core.groups.Tuple.tuple(DisputeStage.HEAD_OF_SERVICE, "head-of-service", "not-resolved"),
                        org.assertj.core.groups.Tuple.tuple(DisputeStage.DIRECTOR, "director", "refer-to-cafcass"));
        assertThat(dispute.responses().get(0).respondedAt()).isEqualTo(londonTime("2026-12-22T10:00").toInstant());
        assertThat(dispute.responses().get(0).actionBy()).isEqualTo(LocalDate.of(2027, 2, 26));
        // every decision is on the child's record
        assertThat(children.get(child).decisions()).extracting(d -> d.decision() + " = " + d.outcome() + " by " + d.decidedBy())
                .contains("Respond to the IRO's concern as team manager = partly-agreed by team-manager",
                        "Consider the team manager's response = not-resolved by iro",
                        "Respond to the IRO's concern as director = not-agreed by director",
                        "Consider the director's response = refer-to-cafcass by iro");
    }

    @ParameterizedTest(name = "resolved with the {0}")
    @CsvSource({"TeamManager, TEAM_MANAGER", "ServiceManager, SERVICE_MANAGER", "HeadOfService, HEAD_OF_SERVICE", "Director, DIRECTOR"})
    void theIroRecordsTheConcernResolvedAtAnyStage(String stage, DisputeStage expected) {
        var child = lookedAfterChild("2026-09-07T10:00");
        var instance = raise(child);
        climbTo(instance, stage);
        respond(stage, instance, "agreed");
        clockAt("2026-10-20T11:00");
        consider(stage, instance, "resolved");

        assertThat(instance).isEnded().hasPassed("End_ConcernResolvedAt" + stage + "Stage");
        var dispute = disputes.forChild(child).get(0);
        assertThat(dispute.status()).isEqualTo(DisputeStatus.RESOLVED);
        assertThat(dispute.currentStage()).isEqualTo(expected);
        assertThat(dispute.resolvedOn()).isEqualTo(LocalDate.of(2026, 10, 20));
        assertThat(dispute.responses()).hasSize(STAGES.indexOf(stage) + 1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"TeamManager, team-manager", "ServiceManager, service-manager", "HeadOfService, head-of-service", "Director, director"})
    void everyManagersStageRemindsThenEscalatesAMissedResponse(String stage, String group) {
        var child = lookedAfterChild("2026-09-07T10:00");
        var instance = raise(child);
        climbTo(instance, stage);

        walkReminderAndEscalation(instance, stage + "ResponseToIro", group);
        respond(stage, instance, "agreed");
        assertThat(instance).isWaitingAt("SubProcess_IroConsiderationOf" + stage + "Response");
    }

    @Test
    void theIrosConsiderationRemindsTheIroWhoRaisedIt() {
        var child = lookedAfterChild("2026-09-07T10:00");
        var instance = raise(child);
        respond("TeamManager", instance, "agreed");
        var clock = clockOf(instance.getId(), "SubProcess_IroConsiderationOfTeamManagerResponse");
        fire(clock.getId(), "Event_WarningPointReached");
        assertThat(task(clock.getId(), "Task_PlanToMeetDeadline").getAssignee()).isEqualTo("iro");
    }

    @Test
    void aManagersResponseSaysWhatWillBeDoneByWhenAndWhy() {
        var child = lookedAfterChild("2026-09-07T10:00");
        var instance = raise(child);
        var task = task(instance.getId(), "Task_RespondToIroConcernAsTeamManager");
        assertThatThrownBy(() -> completeAs("team-manager", task, Map.of("managerPosition", "agreed",
                "managerAction", "Contact plan.", "managerRationale", "Contact matters.")))
                .hasMessageContaining("managerActionBy");
        assertThatThrownBy(() -> completeAs("team-manager", task, Map.of("managerPosition", "shrug",
                "managerAction", "Contact plan.", "managerActionBy", "2026-10-01", "managerRationale", "Contact matters.")))
                .hasMessageContaining("managerPosition");
        assertThat(instance).isWaitingAt("Task_RespondToIroConcernAsTeamManager");
        assertThat(disputes.forChild(child).get(0).responses()).isEmpty();
        assertThat(children.get(child).decisions()).isEmpty();
    }

    @Test
    void onlyALookedAfterChildCanHaveADispute() {
        clockAt("2026-09-07T10:00");
        var child = children.register(new NewChild("Noor", "Athome-" + System.nanoTime(), null, null, null)).reference();
        assertThatThrownBy(() -> disputes.raise(child, "No plan for contact.", "iro"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("not looked after");
        assertThat(disputes.forChild(child)).isEmpty();
    }

    @Test
    void aChildLeavingCareClosesTheirOpenDisputeAndEndsItsJourney() {
        var child = lookedAfterChild("2026-09-07T10:00");
        var instance = raise(child);
        clockAt("2026-09-10T10:00");
        children.changeLegalStatus(child, LegalStatus.NOT_LOOKED_AFTER, LocalDate.of(2026, 9, 10), "Care order discharged on 2026-09-10");
        assertThat(instance).isEnded();
        var dispute = disputes.forChild(child).get(0);
        assertThat(dispute.status()).isEqualTo(DisputeStatus.CLOSED_CHILD_LEFT_CARE);
        assertThat(dispute.closedOn()).isEqualTo(LocalDate.of(2026, 9, 10));
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("statutory-deadline")
                .processInstanceBusinessKey(child).count()).as("the stages' clocks stop too, the period in care's with them").isZero();
    }

    // ----------------------------------------------------------------- helpers

    private String lookedAfterChild(String now) {
        clockAt(now);
        var child = children.register(new NewChild("Ava", "Care-" + System.nanoTime(), null, null, null)).reference();
        children.changeLegalStatus(child, LegalStatus.CARE_ORDER, LocalDate.of(2026, 3, 2), "Care order made on 2026-03-02");
        return child;
    }

    private ProcessInstance raise(String child) {
        var view = disputes.raise(child, "The care plan has no plan for the child's contact with her brother.", "iro");
        assertThat(view.status()).isEqualTo(DisputeStatus.OPEN);
        assertThat(view.currentStage()).isEqualTo(DisputeStage.TEAM_MANAGER);
        return track(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(view.processInstanceId()).singleResult());
    }

    /** Each stage before this one responds and the IRO is not satisfied. */
    private void climbTo(ProcessInstance instance, String stage) {
        for (var earlier : STAGES.subList(0, STAGES.indexOf(stage))) {
            respond(earlier, instance, "not-agreed");
            consider(earlier, instance, "not-resolved");
        }
        assertThat(instance).isWaitingAt("SubProcess_" + stage + "ResponseToIro");
    }

    private void respond(String stage, ProcessInstance instance, String position) {
        completeAs(GROUPS.get(stage), task(instance.getId(), "Task_RespondToIroConcernAs" + stage), Map.of(
                "managerPosition", position, "managerAction", "Sibling contact plan agreed with the carers, monthly.",
                "managerActionBy", "2027-02-26", "managerRationale", "Contact matters to both children."));
    }

    private void consider(String stage, ProcessInstance instance, String outcome) {
        completeAs("iro", task(instance.getId(), "Task_Consider" + stage + "Response"),
                Map.of("concernOutcome", outcome, "concernOutcomeRationale", "Considered with the child's views."));
    }
}
