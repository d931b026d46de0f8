package org.carepath.adoption;

import java.util.Date;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.Variables;
import org.carepath.audit.Audit;
import org.carepath.child.ChildRecordPart;
import org.carepath.child.Journeys;
import org.carepath.engine.TaskInput;
import org.carepath.identity.Viewer;
import org.carepath.lookedafter.PermanencePlanRatified;
import org.carepath.lookedafter.PermanencePlanType;
import org.carepath.timescale.Timescales;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A ratified plan for long-term fostering starts {@code long-term-fostering-match.bpmn}: the match with the carers
 * goes to the fostering panel and the agency decision maker within the catalogue's timescale, so no child drifts
 * into a long-term arrangement without one. A later plan of another kind ends the match's journey. Bean
 * {@code longTermMatches} for the model's steps, and the {@code longTermFosteringMatch} part of the child's record.
 */
@Component("longTermMatches")
@Transactional
public class LongTermMatches implements ChildRecordPart {

    static final String PROCESS = "long-term-fostering-match";
    static final String TIMESCALE = "LONG_TERM_FOSTERING_MATCH";

    private final LongTermFosteringMatchRepository matches;
    private final Journeys journeys;
    private final Timescales timescales;
    private final RuntimeService runtime;
    private final Audit audit;
    private final IdentityService identity;

    LongTermMatches(LongTermFosteringMatchRepository matches, Journeys journeys, Timescales timescales, RuntimeService runtime, Audit audit,
                    IdentityService identity) {
        this.identity = identity;
        this.matches = matches;
        this.journeys = journeys;
        this.timescales = timescales;
        this.runtime = runtime;
        this.audit = audit;
    }

    @EventListener
    void on(PermanencePlanRatified ratified) {
        var open = matches.findByChildReferenceAndClosedOnIsNull(ratified.childReference());
        if (ratified.type() != PermanencePlanType.LONG_TERM_FOSTERING) {
            open.ifPresent(match -> {
                match.closed(ratified.ratifiedOn(), "The plan changed to " + ratified.type() + " before a match was made");
                Viewer.asTheApplication(identity, () -> {
                    journeys.end(match.processInstanceId(), "The permanence plan changed to " + ratified.type());
                    return null;
                });
            });
            return;
        }
        if (open.isPresent()) {
            return;
        }
        var match = matches.saveAndFlush(new LongTermFosteringMatch(ratified.childReference(), ratified.ratifiedOn(), timescales.now()));
        // the journey follows from the ratification, whoever ratified it (an IRO at a review starts no journeys themselves)
        var instance = Viewer.asTheApplication(identity, () -> journeys.start(PROCESS, ratified.childReference(), Variables.createVariables()
                .putValue("longTermMatchId", match.id())
                .putValue("planRatifiedAt", Date.from(ratified.ratifiedOn().atTime(12, 0).atZone(timescales.zone()).toInstant()))));
        match.startedAs(instance.getId());
    }

    /** The social worker's proposal: the carers, and the matching considerations the panel reads. */
    public void proposed(DelegateTask task) {
        var carers = TaskInput.requiredText(task, "carers");
        for (var part : new String[] {"childsNeeds", "childsViews", "siblings", "identityCultureReligionLanguage", "birthFamilyContact",
                "carersCapacity"}) {
            TaskInput.requiredText(task, part);
        }
        var match = match(task.getExecution());
        match.proposed(carers, timescales.today());
        task.getExecution().setVariable("matchPanelReason", "Long-term fostering match with " + carers);
        audit.changed(match.childReference(), "long-term fostering match proposed", carers);
    }

    public void matched(DelegateExecution execution) {
        decided(execution, true);
    }

    public void notAgreed(DelegateExecution execution) {
        decided(execution, false);
    }

    private void decided(DelegateExecution execution, boolean agreed) {
        var match = match(execution);
        var rationale = String.valueOf(execution.getVariable("matchDecisionRationale"));
        match.decided(agreed, rationale, timescales.today());
        audit.changed(match.childReference(), "long-term fostering match " + (agreed ? "agreed" : "not agreed"), rationale);
    }

    private LongTermFosteringMatch match(DelegateExecution execution) {
        return matches.findById(TaskInput.id(execution, "longTermMatchId")).orElseThrow();
    }

    @Override
    public String name() {
        return "longTermFosteringMatch";
    }

    @Override
    @Transactional(readOnly = true)
    public Object of(String childReference) {
        return matches.findFirstByChildReferenceOrderByIdDesc(childReference)
                .map(m -> m.view(timescales.dueDate(TIMESCALE, m.planRatifiedOn()))).orElse(null);
    }
}
