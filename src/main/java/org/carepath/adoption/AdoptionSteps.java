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
    private final AdoptivePlacementVisitRepository visits;
    private final AdoptionReviewRepository reviews;
    private final org.carepath.audit.Audit audit;

    AdoptionSteps(AdoptionCaseRepository cases, ProspectiveAdopters adopters, Timescales timescales,
                  org.carepath.lookedafter.LookedAfter lookedAfter, org.carepath.child.Children children,
                  AdoptivePlacementVisitRepository visits, AdoptionReviewRepository reviews, org.carepath.audit.Audit audit) {
        this.visits = visits;
        this.reviews = reviews;
        this.audit = audit;
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
        // the first visit is due a week from the move, each later one a week from the visit before
        task.getExecution().setVariable("lastVisitAt", midday(on));
    }

    /** The adoption order: the child is adopted, leaves care, and their adoption case closes. */
    public void orderGranted(DelegateTask task) {
        var on = TaskInput.required(task, "adoptionOrderGrantedOn", timescales::dateOf, "a date");
        var adoption = adoptionCase(task.getExecution());
        children.changeLegalStatus(adoption.childReference(), org.carepath.child.LegalStatus.ADOPTED, on,
                "Adoption order granted on " + on + (TaskInput.text(task, "court") == null ? "" : " (" + TaskInput.text(task, "court") + ")"));
        adoption.adopted(on);
        task.getExecution().setVariable("adoptionOrderGrantedAt", midday(on));
    }

    /** A visit to the child in their adoptive home; the next is due a week from it, until the first review. */
    public void visited(DelegateTask task) {
        var on = TaskInput.required(task, "visitedOn", timescales::dateOf, "a date");
        var adoption = adoptionCase(task.getExecution());
        if (adoption.movedInOn() != null && on.isBefore(adoption.movedInOn())) {
            throw TaskInput.invalid("visitedOn", "The visit (" + on + ") cannot be before the child moved in (" + adoption.movedInOn() + ")");
        }
        visits.save(new AdoptivePlacementVisit(adoption.id(), adoption.childReference(), on,
                Boolean.TRUE.equals(task.getVariable("childSeenAlone")), TaskInput.requiredText(task, "childsViews"),
                TaskInput.requiredText(task, "howThePlacementIsGoing"), TaskInput.doneBy(task), timescales.now()));
        audit.changed(adoption.childReference(), "adoptive placement visit", "visited on " + on);
        task.getExecution().setVariable("lastVisitAt", midday(on));
    }

    /**
     * An adoption review: the next is due from it. The first ends the weekly visits (their stage is interrupted by
     * {@code firstAdoptionReviewHeldAt}).
     */
    public void reviewed(DelegateTask task) {
        var on = TaskInput.required(task, "adoptionReviewHeldOn", timescales::dateOf, "a date");
        var adoption = adoptionCase(task.getExecution());
        if (adoption.movedInOn() != null && on.isBefore(adoption.movedInOn())) {
            throw TaskInput.invalid("adoptionReviewHeldOn", "The review (" + on + ") cannot be before the child moved in ("
                    + adoption.movedInOn() + ")");
        }
        var meets = TaskInput.requiredText(task, "placementMeetsNeeds");
        if (!java.util.Set.of("yes", "partly", "no").contains(meets)) {
            throw TaskInput.invalid("placementMeetsNeeds", "Say whether the placement meets the child's needs: yes, partly or no");
        }
        reviews.save(new AdoptionReview(adoption.id(), adoption.childReference(), on, meets, TaskInput.requiredText(task, "childsViews"),
                TaskInput.text(task, "supportNeeded"), TaskInput.requiredText(task, "adoptionReviewDecisions"), TaskInput.doneBy(task),
                timescales.now()));
        audit.changed(adoption.childReference(), "adoption review", "held on " + on + "; placement meets needs: " + meets);
        task.getExecution().setVariable("lastReviewAt", midday(on));
        if ("Task_HoldTheFirstAdoptionReview".equals(task.getTaskDefinitionKey())) {
            task.getExecution().setVariable("firstAdoptionReviewHeldAt", midday(on));
        }
    }

    /** The child's IRO chairs the adoption reviews (unassigned, offered to the IROs, until one is appointed). */
    public String iroOf(DelegateExecution execution) {
        return lookedAfter.periods(execution.getProcessBusinessKey()).stream().filter(p -> p.endedOn() == null)
                .map(org.carepath.lookedafter.PeriodInCareView::iro).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** The agency decision kept the plan for adoption: the journey goes on where it was. */
    public void planStands(DelegateExecution execution) {
        adoptionCase(execution).changeOfPlanNotAgreed();
    }

    /**
     * The agency decision maker agreed a plan other than adoption: the adoption case closes with the reasons, and a
     * household linked or matched with the child is free again. The new plan is ratified on the child's period in
     * care by the same decision.
     */
    public void planChanged(DelegateExecution execution) {
        var adoption = adoptionCase(execution);
        var to = execution.getVariable("changeOfPlanTo");
        adopters.openLinkOf(adoption.childReference()).ifPresent(link -> adopters.unlinked(link.adopterId(), adoption.childReference(),
                timescales.today(), "The child's plan changed away from adoption"));
        adoption.closed(timescales.today(), "Plan changed away from adoption" + (to == null ? "" : " to " + to) + ": "
                + execution.getVariable("changeOfPlanReason"));
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
