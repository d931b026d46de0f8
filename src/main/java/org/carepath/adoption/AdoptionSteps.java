package org.carepath.adoption;

import java.time.LocalDate;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.carepath.engine.TaskInput;
import org.carepath.timescale.Timescales;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What the tasks of {@code adoption-matching.bpmn} record (bean {@code adoptionSteps}). */
@Component("adoptionSteps")
@Transactional
public class AdoptionSteps {

    private final AdoptionCaseRepository cases;
    private final ProspectiveAdopters adopters;
    private final Timescales timescales;
    private final org.carepath.lookedafter.LookedAfter lookedAfter;
    private final org.carepath.child.Children children;

    AdoptionSteps(AdoptionCaseRepository cases, ProspectiveAdopters adopters, Timescales timescales,
                  org.carepath.lookedafter.LookedAfter lookedAfter, org.carepath.child.Children children) {
        this.cases = cases;
        this.adopters = adopters;
        this.timescales = timescales;
        this.lookedAfter = lookedAfter;
        this.children = children;
    }

    /**
     * Family finding: a household linked with the child (through {@code /api/prospective-adopters/{id}/links}), or,
     * at the first search only, no local match pursued and the child to be referred to the national register.
     */
    public void familyFound(DelegateTask task) {
        var answer = TaskInput.requiredText(task, "familyFinding");
        var child = task.getExecution().getProcessBusinessKey();
        if ("refer-to-register".equals(answer) && "Task_FindAFamily".equals(task.getTaskDefinitionKey())) {
            task.getExecution().setVariable("registerReferralDecidedAt", Date.from(timescales.now()));
            return;
        }
        if (!"linked".equals(answer)) {
            throw TaskInput.invalid("familyFinding", "Link a household with the child first (Prospective adopters), then record it here");
        }
        var link = adopters.openLinkOf(child).orElseThrow(() -> TaskInput.invalid("familyFinding",
                "No household is linked with " + child + " yet: link one under Prospective adopters, then record it here"));
        task.getExecution().setVariables(Map.of("adopterId", link.adopterId(), "adopterHousehold", link.household(),
                "linkedAt", midday(link.linkedOn()), "matchPanelReason", "Proposed match with " + link.household()));
    }

    public void referredToTheRegister(DelegateTask task) {
        var on = TaskInput.required(task, "registerReferredOn", timescales::dateOf, "a date");
        var adoption = adoptionCase(task.getExecution());
        if (on.isBefore(adoption.shouldBePlacedOn())) {
            throw TaskInput.invalid("registerReferredOn", "The referral (" + on + ") cannot be before the decision that the child"
                    + " should be placed for adoption (" + adoption.shouldBePlacedOn() + ")");
        }
        adoption.referredToTheRegister(on);
        task.getExecution().setVariable("familyFindingResumedAt", Date.from(timescales.now()));
    }

    /** The matching assessment: every part of it is needed before the matching panel. */
    public void matchAssessed(DelegateTask task) {
        TaskInput.required(task, "matchAssessedOn", timescales::dateOf, "a date");
        for (var part : new String[] {"childsNeeds", "siblings", "identityCultureReligionLanguage", "birthFamilyContact", "adoptersCapacity"}) {
            TaskInput.requiredText(task, part);
        }
    }

    /** The agency decision maker agreed the match: household and child matched, the A2 clock stops. */
    public void matched(DelegateExecution execution) {
        var adoption = adoptionCase(execution);
        long adopterId = TaskInput.id(execution, "adopterId");
        adopters.matched(adopterId, adoption.childReference(), timescales.today());
        adoption.matched(adopterId, timescales.today());
        execution.setVariable("matchedAt", Date.from(timescales.now()));
    }

    public void transitionPlanAgreed(DelegateTask task) {
        TaskInput.required(task, "transitionPlanAgreedOn", timescales::dateOf, "a date");
        TaskInput.requiredText(task, "transitionPlan");
    }

    /** The life-story book's first version, shared with the adopters before the child moves in. */
    public void lifeStoryBookShared(DelegateTask task) {
        TaskInput.required(task, "lifeStoryBookSharedOn", timescales::dateOf, "a date");
    }

    /** The child moved in with the adopters: an adoptive placement, the A1 and A10 clocks stop, the household is placed. */
    public void movedIn(DelegateTask task) {
        var on = TaskInput.required(task, "movedInOn", timescales::dateOf, "a date");
        var adoption = adoptionCase(task.getExecution());
        if (adoption.matchedOn() != null && on.isBefore(adoption.matchedOn())) {
            throw TaskInput.invalid("movedInOn", "The move-in (" + on + ") cannot be before the match decision (" + adoption.matchedOn() + ")");
        }
        var household = task.getVariable("adopterHousehold").toString();
        try {
            lookedAfter.placeForAdoption(adoption.childReference(), household, TaskInput.requiredText(task, "adoptersPostcode"), on);
        } catch (org.carepath.web.InvalidRequestException e) {
            throw TaskInput.invalid("adoptersPostcode", e.getMessage());
        }
        adoption.movedIn(on);
        adopters.placed(TaskInput.id(task, "adopterId"), adoption.childReference(), on);
        task.getExecution().setVariable("movedInAt", midday(on));
    }

    /** The adoption order: the child is adopted, leaves care, and their adoption case closes. */
    public void orderGranted(DelegateTask task) {
        var on = TaskInput.required(task, "adoptionOrderGrantedOn", timescales::dateOf, "a date");
        var adoption = adoptionCase(task.getExecution());
        children.changeLegalStatus(adoption.childReference(), org.carepath.child.LegalStatus.ADOPTED, on,
                "Adoption order granted on " + on + (TaskInput.text(task, "court") == null ? "" : " (" + TaskInput.text(task, "court") + ")"));
        adoption.closed(on, "Adoption order granted");
        task.getExecution().setVariable("adoptionOrderGrantedAt", midday(on));
    }

    public void laterLifeLetterGiven(DelegateTask task) {
        TaskInput.required(task, "laterLifeLetterGivenOn", timescales::dateOf, "a date");
    }

    /** After a disruption: what was learned, and family finding resumes. */
    public void disruptionMeetingHeld(DelegateTask task) {
        TaskInput.required(task, "disruptionMeetingHeldOn", timescales::dateOf, "a date");
        TaskInput.requiredText(task, "disruptionLearning");
        task.getExecution().setVariable("familyFindingResumedAt", Date.from(timescales.now()));
    }

    /** The match was not agreed: the link ends, the household is available again, family finding resumes. */
    public void matchNotAgreed(DelegateExecution execution) {
        adopters.unlinked(TaskInput.id(execution, "adopterId"), execution.getProcessBusinessKey(), timescales.today(),
                "The agency decision maker did not agree the match");
        execution.setVariable("familyFindingResumedAt", Date.from(timescales.now()));
    }

    private AdoptionCase adoptionCase(DelegateExecution execution) {
        return cases.findById(TaskInput.id(execution, "adoptionCaseId")).orElseThrow();
    }

    private Date midday(LocalDate date) {
        return Date.from(date.atTime(12, 0).atZone(timescales.zone()).toInstant());
    }
}
