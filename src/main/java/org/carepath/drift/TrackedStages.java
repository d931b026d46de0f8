package org.carepath.drift;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.carepath.engine.ParseListeners;
import org.carepath.timescale.Timescales;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * A journey marks a statutory stage with two properties and nothing else:
 *
 * <pre>{@code
 * <camunda:properties>
 *   <camunda:property name="timescale" value="ASSESSMENT" />
 *   <camunda:property name="clockStartsFrom" value="referralReceivedAt" />
 * </camunda:properties>
 * }</pre>
 *
 * When the stage starts, its deadline opens on that timescale from the date in that variable, and the
 * deadline's clock ({@code processes/statutory-deadline.bpmn}) starts: reminder at the warning point,
 * escalation ladder at the deadline. When the stage ends, done or cancelled, the deadline closes and the
 * clock stops. A stage is a sub-process, a user task or a call activity; an unknown timescale fails the
 * deployment.
 */
@Component
class TrackedStages extends AbstractCamundaConfiguration {

    static final String TIMESCALE = "timescale";
    static final String CLOCK_STARTS_FROM = "clockStartsFrom";

    private final Deadlines deadlines;
    private final Timescales timescales;

    TrackedStages(@Lazy Deadlines deadlines, Timescales timescales) {
        this.deadlines = deadlines;
        this.timescales = timescales;
    }

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        ParseListeners.add(configuration, new AbstractBpmnParseListener() {
            @Override
            public void parseSubProcess(Element element, ScopeImpl scope, ActivityImpl activity) {
                track(element, activity);
            }

            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                track(element, activity);
            }

            @Override
            public void parseCallActivity(Element element, ScopeImpl scope, ActivityImpl activity) {
                track(element, activity);
            }
        });
    }

    private void track(Element element, ActivityImpl stage) {
        var timescale = property(element, TIMESCALE);
        if (timescale.isEmpty()) {
            return;
        }
        var key = timescale.get();
        var from = property(element, CLOCK_STARTS_FROM).orElseThrow(() -> new IllegalStateException(
                "Tracked stage " + stage.getId() + " names timescale " + key + " but not the variable its clock starts from ("
                        + CLOCK_STARTS_FROM + ")"));
        timescales.timescale(key);
        ExecutionListener open = execution -> deadlines.open(execution, key, execution.getVariable(from));
        ExecutionListener close = deadlines::close;
        stage.addBuiltInListener(ExecutionListener.EVENTNAME_START, open);
        stage.addBuiltInListener(ExecutionListener.EVENTNAME_END, close);
    }

    static Optional<String> property(Element element, String name) {
        var extensions = element.element("extensionElements");
        var properties = extensions == null ? null : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
        if (properties == null) {
            return Optional.empty();
        }
        return properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property").stream()
                .filter(property -> name.equals(property.attribute("name")))
                .map(property -> property.attribute("value"))
                .findFirst();
    }
}
