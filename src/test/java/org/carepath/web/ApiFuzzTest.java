package org.carepath.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.Filter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.providers.TypeUsage;
import org.carepath.CarePathTest;
import org.carepath.referral.ReferralFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.test.context.TestContextManager;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriUtils;

/**
 * Every {@code /api} endpoint, fed valid-looking and hostile values (long text, NUL, odd unicode, dates at
 * the end of time, huge numbers, duplicate keys, wrong types, odd content types), never answers 5xx.
 * Requests go through MockMvc with the filters and Spring Security in front, in the one shared context,
 * signed in as a real user of several roles. Seeds are fixed; an endpoint added without a property here
 * fails {@link #everyApiEndpointIsFuzzed}.
 */
@CarePathTest
class ApiFuzzTest {

    static final String SEED = "20261202";
    static final int TRIES = 1000;

    @Target(ElementType.PARAMETER)
    @Retention(RetentionPolicy.RUNTIME)
    @interface Endpoint {
        String value();
    }

    record FuzzRequest(String method, String uri, String contentType, byte[] body, String user) {
        @Override
        public String toString() {
            var text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            return user + " " + method + " " + uri + " [" + contentType + "] " + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
        }
    }

    static final Map<String, List<String>> USERS = Map.of(
            "admin", List.of("admin", "camunda-admin"),
            "practitioner", List.of("practitioner", "north-assessment-team", "front-door"),
            "legal", List.of("legal"),
            "team-manager", List.of("team-manager", "north-assessment-team", "front-door"));

    private static MockMvc mvc;
    private static Map<String, HandlerMethod> endpoints;
    private static String knownChild;
    /** A child looked after, with a placement: the looked-after endpoints reach their checks, not only "not looked after". */
    private static String childInCare;
    private static final AtomicLong requests = new AtomicLong();
    private static long started;
    private static long fuzzing;
    private static org.springframework.jdbc.core.JdbcTemplate database;

    @Autowired
    WebApplicationContext context;
    @Autowired
    ReferralFixtures fixtures;

    @BeforeContainer
    static void startClock() {
        started = System.nanoTime();
    }

    @AfterContainer
    static void reportTime() {
        if (database != null) {
            commitsAsUsual();
        }
        System.out.printf("ApiFuzzTest: %d requests in %.1f s (%.1f s with the Spring context's start)%n", requests.get(),
                (System.nanoTime() - fuzzing) / 1e9, (System.nanoTime() - started) / 1e9);
    }

    @BeforeProperty
    void springContext() throws Exception {
        if (mvc != null) {
            return;
        }
        new TestContextManager(getClass()).prepareTestInstance(this);
        var builder = MockMvcBuilders.webAppContextSetup(context);
        var filters = new ArrayList<FilterRegistrationBean<?>>();
        context.getBeansOfType(FilterRegistrationBean.class).values().forEach(filters::add);
        filters.sort(java.util.Comparator.comparingInt(FilterRegistrationBean::getOrder));
        for (var registration : filters) {
            if (registration.getFilter().getClass().getName().startsWith("org.carepath")) {
                builder.addFilters(registration.getFilter());
            }
        }
        builder.addFilters(context.getBean("springSecurityFilterChain", Filter.class));
        context.getBeansOfType(Filter.class).values().stream()
                .filter(filter -> filter.getClass().getName().startsWith("org.carepath"))
                .forEach(builder::addFilters);
        mvc = builder.build();
        database = context.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
        commitsWithoutWaitingForTheDisk();
        fuzzing = System.nanoTime();
        endpoints = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class).getHandlerMethods().entrySet()
                .stream().flatMap(entry -> entry.getKey().getPathPatternsCondition().getPatternValues().stream()
                        .filter(pattern -> pattern.startsWith("/api"))
                        .flatMap(pattern -> entry.getKey().getMethodsCondition().getMethods().stream()
                                .map(method -> Map.entry(method + " " + pattern, entry.getValue()))))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        knownChild = fixtures.referralReceivedAt(OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).withNano(0).toString()).childReference();
        childInCare = fixtures.referralReceivedAt(OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).withNano(0).toString()).childReference();
        context.getBean(org.carepath.child.Children.class).changeLegalStatus(childInCare, org.carepath.child.LegalStatus.INTERIM_CARE_ORDER,
                java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).minusDays(3), "Interim care order (fuzzing)");
    }

    /**
     * Most requests that pass leave an audit row: with each commit waiting for the disk, the fuzzing
     * takes three times as long. Test data only; put back afterwards. Best effort: a role that may not
     * change the server's settings just runs slower.
     */
    private static void commitsWithoutWaitingForTheDisk() {
        try {
            database.execute("alter system set synchronous_commit = off");
            database.execute("select pg_reload_conf()");
        } catch (RuntimeException e) {
            System.out.println("ApiFuzzTest: commits wait for the disk (" + e.getMessage() + ")");
        }
    }

    private static void commitsAsUsual() {
        try {
            database.execute("alter system reset synchronous_commit");
            database.execute("select pg_reload_conf()");
        } catch (RuntimeException e) {
            // as it was
        }
    }

    @Example
    void everyApiEndpointIsFuzzed() {
        var fuzzed = Arrays.stream(getClass().getDeclaredMethods())
                .flatMap(method -> Arrays.stream(method.getParameters()))
                .map(parameter -> parameter.getAnnotation(Endpoint.class)).filter(e -> e != null)
                .map(Endpoint::value).collect(Collectors.toCollection(TreeSet::new));
        assertThat(fuzzed).as("add a property for each new /api endpoint").isEqualTo(new TreeSet<>(endpoints.keySet()));
    }

    // ----------------------------------------------------------------- one property per endpoint

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void audit(@ForAll("requests") @Endpoint("GET /api/audit") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void childSearch(@ForAll("requests") @Endpoint("GET /api/children") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void child(@ForAll("requests") @Endpoint("GET /api/children/{reference}") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void deadlines(@ForAll("requests") @Endpoint("GET /api/children/{reference}/deadlines") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void childAlerts(@ForAll("requests") @Endpoint("GET /api/children/{reference}/alerts") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void openAlerts(@ForAll("requests") @Endpoint("GET /api/alerts") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void newReferral(@ForAll("requests") @Endpoint("POST /api/referrals") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void childReferrals(@ForAll("requests") @Endpoint("GET /api/children/{reference}/referrals") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void requestProceedings(@ForAll("requests") @Endpoint("POST /api/children/{reference}/proceedings") FuzzRequest request)
            throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void childProceedings(@ForAll("requests") @Endpoint("GET /api/children/{reference}/proceedings") FuzzRequest request)
            throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void liveProceedings(@ForAll("requests") @Endpoint("GET /api/proceedings") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void oneCase(@ForAll("requests") @Endpoint("GET /api/proceedings/{id}") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void hearing(@ForAll("requests") @Endpoint("POST /api/proceedings/{id}/hearings") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void direction(@ForAll("requests") @Endpoint("POST /api/proceedings/{id}/directions") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void extension(@ForAll("requests") @Endpoint("POST /api/proceedings/{id}/extensions") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void considerRevocation(@ForAll("requests") @Endpoint("POST /api/children/{reference}/revocations") FuzzRequest request)
            throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void revocations(@ForAll("requests") @Endpoint("GET /api/children/{reference}/revocations") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void raiseDispute(@ForAll("requests") @Endpoint("POST /api/children/{reference}/disputes") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void disputes(@ForAll("requests") @Endpoint("GET /api/children/{reference}/disputes") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void periodsInCare(@ForAll("requests") @Endpoint("GET /api/children/{reference}/periods-in-care") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void becameLookedAfter(@ForAll("requests") @Endpoint("POST /api/children/{reference}/periods-in-care") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void leftCare(@ForAll("requests") @Endpoint("POST /api/children/{reference}/periods-in-care/current/end") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void placement(@ForAll("requests") @Endpoint("POST /api/children/{reference}/placements") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void placementEnded(@ForAll("requests") @Endpoint("POST /api/children/{reference}/placements/{placementId}/end") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void permanencePlan(@ForAll("requests") @Endpoint("POST /api/children/{reference}/permanence-plan") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void iro(@ForAll("requests") @Endpoint("PUT /api/children/{reference}/periods-in-care/current/iro") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void timescales(@ForAll("requests") @Endpoint("GET /api/timescales") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void dueDates(@ForAll("requests") @Endpoint("GET /api/timescales/{key}/due") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void panelMembers(@ForAll("requests") @Endpoint("GET /api/panel-members") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void addPanelMember(@ForAll("requests") @Endpoint("POST /api/panel-members") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void panelSittings(@ForAll("requests") @Endpoint("GET /api/panel-sittings") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void createPanelSitting(@ForAll("requests") @Endpoint("POST /api/panel-sittings") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void proposedPanelSitting(@ForAll("requests") @Endpoint("GET /api/panel-sittings/proposed") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void panelSitting(@ForAll("requests") @Endpoint("GET /api/panel-sittings/{id}") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void panelInvitations(@ForAll("requests") @Endpoint("POST /api/panel-sittings/{id}/invitations") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void panelAttendance(@ForAll("requests") @Endpoint("POST /api/panel-sittings/{id}/attendance") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void panelCancellation(@ForAll("requests") @Endpoint("POST /api/panel-sittings/{id}/cancellation") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void panelRescheduling(@ForAll("requests") @Endpoint("POST /api/panel-sittings/{id}/rescheduling") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void panelRequest(@ForAll("requests") @Endpoint("POST /api/children/{reference}/panel-requests") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void panelBooking(@ForAll("requests") @Endpoint("POST /api/panel-sittings/{id}/bookings") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void panelDeferral(@ForAll("requests") @Endpoint("POST /api/panel-sittings/{id}/bookings/{bookingId}/deferral") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void panelDeferralOfEveryCase(@ForAll("requests") @Endpoint("POST /api/panel-sittings/{id}/deferral") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void panelCirculation(@ForAll("requests") @Endpoint("POST /api/panel-sittings/{id}/circulation") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void prospectiveAdopters(@ForAll("requests") @Endpoint("GET /api/prospective-adopters") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void addProspectiveAdopters(@ForAll("requests") @Endpoint("POST /api/prospective-adopters") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void oneProspectiveAdopter(@ForAll("requests") @Endpoint("GET /api/prospective-adopters/{id}") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void prospectiveAdopterStatus(@ForAll("requests") @Endpoint("POST /api/prospective-adopters/{id}/status") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void prospectiveAdopterLink(@ForAll("requests") @Endpoint("POST /api/prospective-adopters/{id}/links") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void adoptivePlacementEnded(@ForAll("requests") @Endpoint("POST /api/children/{reference}/adoptive-placement/end") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void earlyPermanence(@ForAll("requests") @Endpoint("POST /api/children/{reference}/early-permanence") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void changeOfPlanAwayFromAdoption(@ForAll("requests") @Endpoint("POST /api/children/{reference}/adoption/change-of-plan") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void adoptionScorecard(@ForAll("requests") @Endpoint("GET /api/adoption/scorecard") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void panelDocumentUpload(@ForAll("requests") @Endpoint("POST /api/panel-sittings/{id}/bookings/{bookingId}/documents") FuzzRequest request)
            throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void panelDocuments(@ForAll("requests") @Endpoint("GET /api/panel-sittings/{id}/bookings/{bookingId}/documents") FuzzRequest request)
            throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void panelDocument(@ForAll("requests") @Endpoint("GET /api/panel-documents/{documentId}") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void careLeaver(@ForAll("requests") @Endpoint("GET /api/children/{reference}/care-leaver") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void careLeaverReviewRequest(@ForAll("requests") @Endpoint("POST /api/children/{reference}/care-leaver/review-requests") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void careLeaverContact(@ForAll("requests") @Endpoint("POST /api/children/{reference}/care-leaver/contacts") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void careLeaverCircumstances(@ForAll("requests") @Endpoint("POST /api/children/{reference}/care-leaver/circumstances") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void careLeaverSupportDeclined(@ForAll("requests") @Endpoint("POST /api/children/{reference}/care-leaver/support-declined") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void careLeaverSupportAskedForAgain(@ForAll("requests") @Endpoint("POST /api/children/{reference}/care-leaver/support-asked-for-again") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    @Property(tries = TRIES, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void careLeaverFigures(@ForAll("requests") @Endpoint("GET /api/care-leavers/figures") FuzzRequest request) throws Exception {
        neverAServerError(request);
    }

    private void neverAServerError(FuzzRequest request) throws Exception {
        requests.incrementAndGet();
        var user = request.user();
        var authorities = USERS.get(user).stream().map(group -> new SimpleGrantedAuthority("ROLE_" + group)).toList();
        var signedIn = new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
        var builder = org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .request(HttpMethod.valueOf(request.method()), URI.create(request.uri()))
                .requestAttr(RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME, signedIn);
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        if (request.body() != null) {
            builder.content(request.body());
        }
        int status = mvc.perform(builder).andReturn().getResponse().getStatus();
        assertThat(status).as("%s", request).isLessThan(500);
    }

    // ----------------------------------------------------------------- generators

    @Provide
    Arbitrary<FuzzRequest> requests(TypeUsage parameter) {
        var endpoint = parameter.findAnnotation(Endpoint.class).orElseThrow().value();
        var handler = endpoints.get(endpoint);
        assertThat(handler).as("no such endpoint: %s", endpoint).isNotNull();
        var method = endpoint.substring(0, endpoint.indexOf(' '));
        var pattern = endpoint.substring(endpoint.indexOf(' ') + 1);
        var uri = Combinators.combine(path(pattern, handler), query(handler)).as((path, query) -> path + query);
        var users = Arbitraries.of(USERS.keySet().stream().sorted().toList());
        var body = body(handler);
        return Combinators.combine(uri, body, contentType(), users)
                .as((u, b, type, user) -> new FuzzRequest(method, u, b == null ? null : type, b, user));
    }

    private Arbitrary<String> path(String pattern, HandlerMethod handler) {
        var variables = Pattern.compile("\\{(\\w+)}").matcher(pattern).results().map(m -> m.group(1)).toList();
        Arbitrary<String> path = Arbitraries.just(pattern);
        for (var variable : variables) {
            var values = switch (variable) {
                case "reference" -> Arbitraries.frequencyOf(
                        Tuple.of(3, Arbitraries.just(knownChild)), Tuple.of(2, Arbitraries.just(childInCare)),
                        Tuple.of(1, Arbitraries.just("C-000001")),
                        Tuple.of(1, Arbitraries.strings().numeric().ofLength(6).map(n -> "C-" + n)), Tuple.of(4, hostile()));
                case "id", "placementId", "bookingId", "documentId" -> Arbitraries.frequencyOf(
                        Tuple.of(3, Arbitraries.longs().between(-5, 50).map(String::valueOf)), Tuple.of(1, hugeNumbers()),
                        Tuple.of(2, hostile()));
                case "key" -> Arbitraries.frequencyOf(
                        Tuple.of(4, Arbitraries.of("ASSESSMENT", "REFERRAL_DECISION", "STRATEGY_DISCUSSION")), Tuple.of(1, hostile()));
                default -> hostile();
            };
            path = Combinators.combine(path, values.map(ApiFuzzTest::asLongAsAnUriTakes)).as((p, value) ->
                    p.replace("{" + variable + "}", UriUtils.encodePathSegment(value, StandardCharsets.UTF_8)));
        }
        return path;
    }

    private Arbitrary<String> query(HandlerMethod handler) {
        List<Arbitrary<String>> parts = new ArrayList<>();
        for (var parameter : handler.getMethodParameters()) {
            var param = parameter.getParameterAnnotation(RequestParam.class);
            if (param == null) {
                continue;
            }
            parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
            var name = param.name().isEmpty() ? param.value().isEmpty() ? parameter.getParameterName() : param.value() : param.name();
            var value = valueFor(name, parameter.getParameterType()).map(ApiFuzzTest::asLongAsAnUriTakes);
            parts.add(Arbitraries.frequencyOf(Tuple.of(4, value.map(v -> encode(name) + "=" + encode(v))),
                    Tuple.of(1, Arbitraries.just("")),
                    Tuple.of(1, Combinators.combine(value, value).as((a, b) -> encode(name) + "=" + encode(a) + "&" + encode(name) + "=" + encode(b)))));
        }
        parts.add(Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.just("")),
                Tuple.of(1, hostile().map(v -> encode(v) + "=" + encode(v)))));
        return Combinators.combine(parts).as(list -> {
            var query = list.stream().filter(s -> !s.isEmpty()).collect(Collectors.joining("&"));
            return query.isEmpty() ? "" : "?" + query;
        });
    }

    private Arbitrary<byte[]> body(HandlerMethod handler) {
        var bodyType = Arrays.stream(handler.getMethodParameters())
                .filter(parameter -> parameter.hasParameterAnnotation(RequestBody.class))
                .map(MethodParameter::getGenericParameterType).findFirst();
        if (bodyType.isEmpty()) {
            return Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.just((byte[]) null)), Tuple.of(1, garbage()));
        }
        var json = json(bodyType.get(), "", 0);
        return Arbitraries.frequencyOf(
                Tuple.of(6, json.map(text -> text.getBytes(StandardCharsets.UTF_8))),
                Tuple.of(2, json.map(ApiFuzzTest::duplicateAKey).map(text -> text.getBytes(StandardCharsets.UTF_8))),
                Tuple.of(1, garbage()));
    }

    /** A JSON text for the type: its fields valid-looking by name and type, or hostile, or of the wrong type. */
    private Arbitrary<String> json(Type type, String name, int depth) {
        var raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        Arbitrary<String> right;
        if (raw.isRecord() && depth < 4) {
            var components = raw.getRecordComponents();
            List<Arbitrary<String>> fields = new ArrayList<>();
            for (RecordComponent component : components) {
                var value = json(component.getGenericType(), component.getName(), depth + 1);
                fields.add(Arbitraries.frequencyOf(Tuple.of(8, value.map(v -> quote(component.getName()) + ":" + v)),
                        Tuple.of(1, Arbitraries.just("")), Tuple.of(1, Arbitraries.just(quote(component.getName()) + ":null"))));
            }
            right = Combinators.combine(fields).as(list -> "{" + list.stream().filter(s -> !s.isEmpty()).collect(Collectors.joining(",")) + "}");
        } else if (List.class.isAssignableFrom(raw) && type instanceof ParameterizedType p && depth < 4) {
            right = json(p.getActualTypeArguments()[0], name, depth + 1).list().ofMaxSize(3)
                    .map(items -> "[" + String.join(",", items) + "]");
        } else if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            right = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.integers().between(-3, 12).map(String::valueOf)),
                    Tuple.of(1, hugeNumbers()));
        } else {
            right = valueFor(name, raw).map(ApiFuzzTest::quote);
        }
        return Arbitraries.frequencyOf(Tuple.of(9, right), Tuple.of(1, wrongType()));
    }

    private Arbitrary<String> valueFor(String name, Class<?> type) {
        Arbitrary<String> valid;
        var lower = name.toLowerCase();
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            valid = Arbitraries.integers().between(-2, 6000).map(String::valueOf);
        } else if (lower.endsWith("at") || lower.equals("from") || lower.equals("to")) {
            valid = Arbitraries.of("2026-01-05T10:15:00Z", "2025-11-30T23:59:59+01:00", "2026-03-29T01:30:00+00:00");
        } else if (lower.endsWith("on") || lower.contains("date") || lower.equals("trigger")) {
            valid = Arbitraries.of("2026-01-05", "2025-02-28", "2024-02-29", "2026-12-25", "2018-05-01");
        } else if (lower.equals("source")) {
            valid = Arbitraries.of("SCHOOL", "POLICE", "HEALTH", "FAMILY");
        } else if (lower.equals("gender")) {
            valid = Arbitraries.of("FEMALE", "MALE");
        } else if (lower.contains("type")) {
            valid = Arbitraries.of("CASE_MANAGEMENT", "FINAL", "CARE_ORDER", "INTERIM_CARE_ORDER");
        } else if (lower.equals("owner") || lower.equals("user")) {
            valid = Arbitraries.of("practitioner", "legal", "nobody");
        } else if (lower.equals("reference") || lower.equals("child")) {
            valid = Arbitraries.of(knownChild, "C-000001");
        } else {
            valid = Arbitraries.strings().alpha().withChars(' ', '-', '\'').ofMinLength(1).ofMaxLength(40);
        }
        return Arbitraries.frequencyOf(Tuple.of(3, valid), Tuple.of(2, hostile()), Tuple.of(1, oddDates()));
    }

    static Arbitrary<String> hostile() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("", " ", "\u0000", "x\u0000y", "😀👨‍👩‍👧", "\uD800", "\u202Eevil", "İıß", "e\u0301",
                        "' OR 1=1 --", "../../etc/passwd", "%00", "%", "{}", "[]", "null", "\t\n\r", "<script>alert(1)</script>",
                        "${jndi:ldap://x}", "#{7*7}", "\\", "\"", "C-000001\u0000", "C%2D000001")),
                Tuple.of(1, Combinators.combine(Arbitraries.of("a", "é", "😀", "ab "), Arbitraries.integers().between(1000, 25000))
                        .as(String::repeat)),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(30)),
                Tuple.of(1, hugeNumbers()),
                Tuple.of(1, oddDates()));
    }

    static Arbitrary<String> hugeNumbers() {
        return Arbitraries.of("99999999999999999999999", "-9223372036854775809", "9223372036854775807", "1e309", "-0", "NaN",
                "2147483648", "0x10", "1.5");
    }

    static Arbitrary<String> oddDates() {
        return Arbitraries.of("+999999999-12-31", "-999999999-01-01", "2026-02-30", "2026-13-01", "0000-00-00", "0001-01-01",
                "9999-12-31", "1899-12-31", "2026-04-02T10:15:00+18:00", "+999999999-12-31T23:59:59Z", "2026-04-02T25:00:00Z",
                "2026-04-02", "2026-04-02T10:15:00", "20260402", "2026-W14-4");
    }

    static Arbitrary<String> wrongType() {
        return Arbitraries.of("123", "-1", "1e400", "true", "[]", "{}", "[1,2]", "{\"a\":{\"b\":[null]}}", "\"\\u0000\"",
                "99999999999999999999", "\"" + "x".repeat(30000) + "\"", "[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]");
    }

    static Arbitrary<byte[]> garbage() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("", "{", "}", "[]", "null", "\"text\"", "{\"a\":}", "{\"a\":1,}", "<xml/>", "\u0000",
                        "{\"a\":\"\\ud800\"}", "{\"a\":1} trailing").map(s -> s.getBytes(StandardCharsets.UTF_8))),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(200)));
    }

    static Arbitrary<String> contentType() {
        return Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.just("application/json")),
                Tuple.of(1, Arbitraries.of("*/*", "application/*", "text/plain", "application/xml", "application/json; charset=ISO-8859-1",
                        "application/x-www-form-urlencoded", "multipart/form-data", "application/json; charset=nonsense", ";;;",
                        "application/merge-patch+json")));
    }

    /** {"a":1,"b":2} becomes {"a":1,"a":1,"b":2}: the first field twice. */
    static String duplicateAKey(String json) {
        if (!json.startsWith("{\"")) {
            return json;
        }
        int i = 1;
        int depth = 0;
        boolean inString = false;
        for (; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth-- == 0) {
                    break;
                }
            } else if (c == ',' && depth == 0) {
                break;
            }
        }
        var first = json.substring(1, Math.min(i, json.length()));
        return "{" + first + "," + json.substring(1);
    }

    /** Tomcat refuses a request line over 8 KB (400) before CarePath sees it: longer texts are for bodies. */
    static String asLongAsAnUriTakes(String value) {
        return value.length() > 600 ? value.substring(0, 600) : value;
    }

    static String encode(String value) {
        return UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8).replace("+", "%2B");
    }

    static String quote(String value) {
        var out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c) && c == '\uD800') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
