package org.carepath.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.carepath.engine.ParseListeners;
import org.carepath.identity.Teams;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Work a model offers to a team-scoped role ({@code candidateGroups="practitioner"}) is offered to that
 * role in the child's team ({@code north-assessment-team--practitioner}) as the task is created, so no
 * one outside the child's team sees it in the Tasklist or through the engine's REST API. Every user
 * task's candidate groups pass through this, whatever expression the model gives.
 */
@Component
class TeamScopedTasks extends AbstractCamundaConfiguration {

    private final ChildAccess access;

    TeamScopedTasks(@Lazy ChildAccess access) {
        this.access = access;
    }

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        ParseListeners.add(configuration, new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                var groups = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition().getCandidateGroupIdExpressions();
                var scoped = new LinkedHashSet<Expression>();
                groups.forEach(expression -> scoped.add(new InTheChildsTeam(expression)));
                groups.clear();
                groups.addAll(scoped);
            }
        });
    }

    List<String> scope(Object groups, String childReference) {
        var names = new ArrayList<String>();
        if (groups instanceof String text) {
            for (var name : text.split(",")) {
                if (!name.isBlank()) {
                    names.add(name.strip());
                }
            }
        } else if (groups instanceof Collection<?> collection) {
            collection.forEach(name -> names.add(String.valueOf(name)));
        }
        if (childReference == null || names.stream().noneMatch(Teams.TEAM_SCOPED_ROLES::contains)) {
            return names;
        }
        var team = access.teamOf(childReference);
        return names.stream().map(name -> Teams.TEAM_SCOPED_ROLES.contains(name) ? Teams.roleInTeam(team, name) : name).toList();
    }

    /** A candidate-group expression whose team-scoped roles become those roles in the child's team. */
    private final class InTheChildsTeam implements Expression {

        private final Expression groups;

        InTheChildsTeam(Expression groups) {
            this.groups = groups;
        }

        @Override
        public Object getValue(VariableScope scope) {
            var child = scope instanceof DelegateExecution execution ? execution.getProcessBusinessKey() : null;
            return scope(groups.getValue(scope), child);
        }

        @Override
        public void setValue(Object value, VariableScope scope) {
            groups.setValue(value, scope);
        }

        @Override
        public String getExpressionText() {
            return groups.getExpressionText();
        }

        @Override
        public boolean isLiteralText() {
            return false;
        }
    }
}
