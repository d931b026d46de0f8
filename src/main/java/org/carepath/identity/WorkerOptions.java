package org.carepath.identity;

import java.util.Comparator;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * The members of a group as options for a form's select field ({@code [{"label": "Priya Patel", "value":
 * "practitioner"}]}), e.g. the social workers a team manager can allocate:
 * {@code <camunda:inputParameter name="practitioners">${workerOptions.inGroup('practitioner')}</camunda:inputParameter>}.
 */
@Component("workerOptions")
public class WorkerOptions {

    private final IdentityService identity;
    private final ObjectMapper json = new ObjectMapper();

    WorkerOptions(IdentityService identity) {
        this.identity = identity;
    }

    public JsonValue inGroup(String group) {
        return inGroups(group);
    }

    /** The members of any of the groups (comma-separated), each once. */
    public JsonValue inGroups(String groups) {
        ArrayNode options = json.createArrayNode();
        java.util.Arrays.stream(groups.split(",")).map(String::strip)
                .flatMap(group -> identity.createUserQuery().memberOfGroup(group).list().stream())
                .collect(java.util.stream.Collectors.toMap(user -> user.getId(), user -> user, (a, b) -> a))
                .values().stream()
                .sorted(Comparator.comparing(user -> user.getFirstName() + " " + user.getLastName()))
                .forEach(user -> options.addObject()
                        .put("label", user.getFirstName() + " " + user.getLastName())
                        .put("value", user.getId()));
        return SpinValues.jsonValue(options.toString()).create();
    }
}
