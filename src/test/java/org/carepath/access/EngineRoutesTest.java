package org.carepath.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.assertj.core.api.SoftAssertions;
import org.carepath.CarePathTest;
import org.carepath.ProcessTestSupport;
import org.carepath.referral.ReferralFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every route of the engine's REST API that takes a task or a journey (process instance, execution), or
 * reads variables across journeys, is placed in {@code engine-routes.txt}: how CarePath holds it. A route
 * a Camunda upgrade adds fails {@link #everyRouteIsPlaced} until someone places it, and each placement
 * is walked here against a real child's task and journey.
 */
@CarePathTest
class EngineRoutesTest extends ProcessTestSupport {

    /** Routes about one task or journey, and those that read variables across journeys. */
    private static final Pattern ABOUT_A_CHILD = Pattern.compile(
            "^(/task/\\{id}|/process-instance/\\{id}|/execution/\\{id}|/history/process-instance/\\{id}|/variable-instance|/history/variable-instance|/history/detail)(/.*)?$");

    @Autowired
    TestRestTemplate http;
    @Autowired
    ReferralFixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyRouteIsPlaced() throws IOException {
        var placed = placements().keySet();
        var routes = routes();

        assertThat(routes).as("routes of the engine's REST API that no line of engine-routes.txt places").isSubsetOf(placed);
        assertThat(placed).as("lines of engine-routes.txt for routes the REST API no longer has").isSubsetOf(routes);
    }

    @Test
    void eachRouteIsHeldAsItsPlacementSays() throws IOException {
        var referral = fixtures.referralReceivedAt(OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).withNano(0).toString());
        var child = referral.childReference();
        var task = task(referral.processInstanceId(), "Task_ScreenContact");
        var concerns = engine.getRuntimeService().getVariable(referral.processInstanceId(), "referralConcerns").toString();
        var variableId = engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(referral.processInstanceId())
                .variableName("referralConcerns").singleResult().getId();

        var detailId = engine.getHistoryService().createHistoricDetailQuery().variableInstanceId(variableId).list().get(0).getId();
        var answers = Map.of("variables", Map.of("deadlineId", Map.of("value", 1, "type", "Long")),
                "modifications", Map.of("deadlineId", Map.of("value", 1, "type", "Long")), "userId", "practitioner-south",
                "value", 1, "type", "Long");
        var modification = Map.of("instructions", java.util.List.of(Map.of("type", "cancel", "activityId", "Task_ScreenContact")));

        var soft = new SoftAssertions();
        for (var placement : placements().entrySet()) {
            var route = placement.getKey();
            var held = placement.getValue();
            var verb = route.substring(0, route.indexOf(' '));
            var path = route.substring(route.indexOf(' ') + 1);
            var id = path.startsWith("/task/") ? task.getId()
                    : path.startsWith("/variable-instance") || path.startsWith("/history/variable-instance/") ? variableId
                    : path.startsWith("/history/detail/") ? detailId : referral.processInstanceId();
            var concrete = path.replace("{id}", id).replace("{varId}", held.equals("write") ? "deadlineId" : "referralConcerns")
                    .replaceAll("\\{[a-zA-Z]+}", "x");

            var body = path.contains("/modification") ? modification : answers;
            var outsider = send("practitioner-south", verb, concrete, body);
            soft.assertThat(outsider.getStatusCode().is5xxServerError()).as("outsider: " + route + " " + outsider.getBody()).isFalse();
            if (held.equals("bulk")) {
                soft.assertThat(String.valueOf(outsider.getBody())).as("outsider: " + route).doesNotContain(concerns);
            } else {
                soft.assertThat(outsider.getStatusCode().is2xxSuccessful()).as("outsider: " + route).isFalse();
            }

            switch (held) {
                case "read", "read-if-found" -> {
                    var before = rows(child);
                    var read = send("practitioner", verb, concrete, null);
                    soft.assertThat(read.getStatusCode().is5xxServerError()).as("worker: " + route).isFalse();
                    if (held.equals("read")) {
                        soft.assertThat(read.getStatusCode().is2xxSuccessful()).as("worker: " + route).isTrue();
                    }
                    // a read the engine made is on the trail, even where the REST layer then found nothing to show
                    soft.assertThat(rows(child)).as("a worker's read is on the trail: " + route)
                            .isBetween(before + (read.getStatusCode().is2xxSuccessful() ? 1 : 0), before + 1);
                }
                case "write", "assign" -> soft.assertThat(send("practitioner", verb, concrete, body).getStatusCode().is2xxSuccessful())
                        .as("the worker, writing bookkeeping or handing the task to another team: " + route).isFalse();
                case "journey", "admin" -> {
                    for (var user : new String[] {"practitioner", "team-manager", "service-manager"}) {
                        var answer = send(user, verb, concrete, body);
                        soft.assertThat(answer.getStatusCode().is2xxSuccessful()).as(user + ": " + route).isFalse();
                        soft.assertThat(answer.getStatusCode().is5xxServerError()).as(user + ": " + route + " " + answer.getBody()).isFalse();
                    }
                }
                case "bulk" -> {
                    for (var user : new String[] {"practitioner", "service-manager"}) {
                        var answer = send(user, verb, concrete, body);
                        soft.assertThat(answer.getStatusCode().is5xxServerError()).as(user + ": " + route + " " + answer.getBody()).isFalse();
                        soft.assertThat(String.valueOf(answer.getBody())).as(user + ": " + route).doesNotContain(concerns);
                    }
                }
                case "engine" -> {
                    // held by the engine's authorizations: the outsider above was refused
                }
                default -> throw new IllegalStateException("engine-routes.txt: unknown placement " + held + " of " + route);
            }
        }
        soft.assertAll();
        assertThat(engine.getTaskService().getVariable(task.getId(), "deadlineId")).isNotEqualTo(1L);
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
    }

    // ----------------------------------------------------------------- helpers

    private long rows(String child) {
        return jdbc.queryForObject("select count(*) from audit_event where child_reference = ?", Long.class, child);
    }

    private ResponseEntity<String> send(String user, String verb, String path, Object body) {
        var headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        headers.setContentType(MediaType.APPLICATION_JSON);
        var entity = verb.equals("GET") || verb.equals("DELETE") || verb.equals("OPTIONS") ? new HttpEntity<>(headers) : new HttpEntity<>(body, headers);
        return http.exchange(URI.create(http.getRootUri() + "/engine-rest" + path), org.springframework.http.HttpMethod.valueOf(verb), entity, String.class);
    }

    private static Map<String, String> placements() throws IOException {
        var placements = new LinkedHashMap<String, String>();
        try (var in = EngineRoutesTest.class.getResourceAsStream("engine-routes.txt")) {
            for (var line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                var parts = line.trim().split("\\s+");
                placements.put(parts[0] + " " + parts[1], parts[2]);
            }
        }
        return placements;
    }

    /** The routes, read off the JAX-RS annotations of the resources Camunda's REST API is made of. */
    static Set<String> routes() {
        var routes = new TreeSet<String>();
        for (var resource : CamundaRestResources.getResourceClasses()) {
            var base = path(resource);
            for (var type : resource.getInterfaces()) {
                base = base != null ? base : path(type);
            }
            if (base != null) {
                walk(resource, base, routes, 0);
            }
        }
        routes.removeIf(route -> !ABOUT_A_CHILD.matcher(route.substring(route.indexOf(' ') + 1)).matches());
        return routes;
    }

    private static void walk(Class<?> type, String prefix, Set<String> routes, int depth) {
        var types = new LinkedHashSet<Class<?>>();
        types.add(type);
        types.addAll(Arrays.asList(type.getInterfaces()));
        for (var declaring : types) {
            for (Method method : declaring.getMethods()) {
                var path = path(method);
                var full = (prefix + (path == null ? "" : "/" + path)).replaceAll("/+", "/").replaceAll("\\{([a-zA-Z]+):[^}]*}", "{$1}");
                var verb = verb(method);
                if (verb != null) {
                    routes.add(verb + " " + (full.length() > 1 && full.endsWith("/") ? full.substring(0, full.length() - 1) : full));
                } else if (path != null && depth < 6) {
                    walk(method.getReturnType(), full, routes, depth + 1); // a sub-resource locator
                }
            }
        }
    }

    private static String path(AnnotatedElement element) {
        var path = element.getAnnotation(Path.class);
        return path == null ? null : path.value();
    }

    private static String verb(Method method) {
        for (var annotation : method.getAnnotations()) {
            var verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }
}
