package org.carepath.demo;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.carepath.timescale.Timescales;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Seeds a caseload through the front door and the journeys: every child is referred ({@code POST /api/referrals}),
 * screened, assessed, conferenced, taken into care and placed through the API and the journeys' own tasks, each
 * as the demo user whose work it is. Dates are in the past by the engine clock, so the clocks of the stages not yet
 * done are overdue: their timers fire and drift alerts rise as they would in a council whose work is late.
 *
 * <p>Each child's referral names the seed, its kind of child and its marker as the referrer: seeding counts the children
 * of each kind already there and adds only the missing ones, so a second run adds nothing and an interrupted one
 * goes on where it stopped.
 */
@Component
public class DemoCaseload {

    private static final Logger log = LoggerFactory.getLogger(DemoCaseload.class);
    static final String DEFAULT_MARKER = "CarePath demo data";
    static final String REFERRAL_PROCESS = "referral-to-assessment";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** The kinds of child seeded, and where each kind's names start (so no two seeded children are the same child). */
    public enum Kind {
        LOOKED_AFTER("looked-after", 0), CHILD_PROTECTION("child-protection", 1_000_000), CHILD_IN_NEED("child-in-need", 2_000_000);

        final String label;
        final int offset;

        Kind(String label, int offset) {
            this.label = label;
            this.offset = offset;
        }
    }

    /** The two demo teams: their social worker and team manager. */
    private record Team(String worker, String manager) {
    }

    private static final List<Team> TEAMS = List.of(new Team("practitioner", "team-manager"),
            new Team("practitioner-south", "team-manager-south"));
    private static final String FRONT_DOOR_WORKER = "practitioner";
    private static final String FRONT_DOOR_MANAGER = "team-manager";
    private static final String IRO = "iro";
    private static final String LEGAL = "legal";

    private static final String[] GIVEN = {"Aaliyah", "Alfie", "Amelia", "Archie", "Ava", "Ben", "Chloe", "Daniel", "Ella", "Ethan",
            "Evie", "Freddie", "Grace", "Harry", "Isla", "Jack", "Jacob", "Kai", "Layla", "Leo", "Lily", "Logan", "Maya", "Mason",
            "Mia", "Noah", "Olivia", "Oscar", "Poppy", "Riley", "Rosie", "Ruby", "Sofia", "Theo", "Tyler", "Willow", "Yusuf",
            "Zara", "Zain", "Elsie"};
    private static final String[] FAMILY = {"Ahmed", "Allen", "Baker", "Begum", "Bennett", "Brown", "Campbell", "Carter", "Clarke",
            "Cooper", "Davies", "Edwards", "Evans", "Green", "Hall", "Harris", "Hill", "Hughes", "Hussain", "Jackson", "James",
            "Johnson", "Jones", "Khan", "King", "Kowalski", "Lee", "Lewis", "Martin", "Mitchell", "Moore", "Morgan", "Murphy",
            "Nowak", "Okafor", "Patel", "Phillips", "Price", "Roberts", "Robinson", "Scott", "Shaw", "Singh", "Smith", "Taylor",
            "Thomas", "Turner", "Walker", "Williams", "Wright"};

    // Where each child's journey stops, in a cycle: the first few children of each kind already cover every stage.
    static final int PLACED = 0, IRO_APPOINTED = 1, REVIEWED = 2, PLAN_RATIFIED = 3, PROCEEDINGS_REQUESTED = 4,
            PROCEEDINGS_ISSUED = 5, ADOPTION_PLAN = 6;
    static final int[] LOOKED_AFTER_STAGES = {PLAN_RATIFIED, PLACED, REVIEWED, PROCEEDINGS_ISSUED, IRO_APPOINTED, ADOPTION_PLAN,
            PROCEEDINGS_REQUESTED, PLAN_RATIFIED, REVIEWED, PLAN_RATIFIED};
    static final int AT_STRATEGY_DISCUSSION = 0, AT_ENQUIRY = 1, AT_CONFERENCE = 2, ON_A_PLAN = 3;
    static final int[] CHILD_PROTECTION_STAGES = {ON_A_PLAN, AT_STRATEGY_DISCUSSION, AT_ENQUIRY, AT_CONFERENCE, ON_A_PLAN,
            ON_A_PLAN, ON_A_PLAN, ON_A_PLAN, ON_A_PLAN, ON_A_PLAN};
    static final int AT_SCREENING = 0, AT_ALLOCATION = 1, AT_ASSESSMENT = 2, AT_SIGN_OFF = 3, CHILD_IN_NEED_PLAN = 4;
    static final int[] CHILD_IN_NEED_STAGES = {CHILD_IN_NEED_PLAN, AT_SCREENING, AT_ALLOCATION, AT_ASSESSMENT, AT_SIGN_OFF,
            CHILD_IN_NEED_PLAN, CHILD_IN_NEED_PLAN, CHILD_IN_NEED_PLAN, CHILD_IN_NEED_PLAN, CHILD_IN_NEED_PLAN};

    private final HistoryService history;
    private final TaskService tasks;
    private final IdentityService identity;
    private final Timescales timescales;
    private final ObjectMapper json;
    private final Environment environment;
    private final Map<String, List<String>> groups = new ConcurrentHashMap<>();
    private final java.util.Set<ExecutorService> running = ConcurrentHashMap.newKeySet();

    DemoCaseload(HistoryService history, TaskService tasks, IdentityService identity, Timescales timescales, ObjectMapper json,
                 Environment environment) {
        this.history = history;
        this.tasks = tasks;
        this.identity = identity;
        this.timescales = timescales;
        this.json = json;
        this.environment = environment;
    }

    /** What a seed did: children added, those already there, those that failed (the first failure's reason). */
    public record Result(int added, int alreadyThere, int failed, String firstFailure, java.time.Duration took) {
    }

    /** Brings each kind of child up to its size; {@code marker} names this seed's children (another marker, other children). */
    public Result seed(SeedSize size, String marker, int threads, PrintStream console) {
        refuseOutsideLocal(environment);
        var port = environment.getProperty("local.server.port", Integer.class);
        if (port == null) {
            throw new DemoSeedException("The demo seed goes through CarePath's own API: it needs the web server started");
        }
        var api = new DemoApi(port, json);
        var wanted = new LinkedHashMap<Kind, Integer>();
        wanted.put(Kind.LOOKED_AFTER, size.lookedAfter());
        wanted.put(Kind.CHILD_PROTECTION, size.childProtection());
        wanted.put(Kind.CHILD_IN_NEED, size.childrenInNeed());
        int there = 0;
        var byKind = new java.util.ArrayList<java.util.ArrayDeque<Runnable>>();
        for (var entry : wanted.entrySet()) {
            var kind = entry.getKey();
            int seeded = (int) seeded(kind, marker);
            there += Math.min(seeded, entry.getValue());
            var missing = new java.util.ArrayDeque<Runnable>();
            for (int i = seeded; i < entry.getValue(); i++) {
                int index = i;
                missing.add(() -> seedChild(api, kind, index, marker));
            }
            byKind.add(missing);
        }
        // one of each kind in turn, so a seed still under way already shows every kind of child
        var interleaved = new java.util.ArrayList<Runnable>();
        while (byKind.stream().anyMatch(q -> !q.isEmpty())) {
            byKind.stream().filter(q -> !q.isEmpty()).forEach(q -> interleaved.add(q.poll()));
        }
        var progress = new SeedProgress(console, interleaved.size());
        var failed = new AtomicInteger();
        var firstFailure = new AtomicReference<String>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            var t = new Thread(r, "demo-seed");
            t.setDaemon(true);
            return t;
        });
        running.add(pool);
        try {
            for (var child : interleaved) {
                pool.execute(() -> {
                    try {
                        child.run();
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                        if (firstFailure.compareAndSet(null, e.getMessage())) {
                            log.warn("A demo child could not be seeded (the others go on)", e);
                        }
                    } finally {
                        progress.childSeeded();
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(7, TimeUnit.DAYS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
        }
        running.remove(pool);
        if (!interleaved.isEmpty()) {
            progress.finished();
        }
        return new Result(interleaved.size() - failed.get(), there, failed.get(), firstFailure.get(), progress.elapsed());
    }

    /** CarePath is stopping (Ctrl-C during a seed): the children not begun are left for the next run to add. */
    @jakarta.annotation.PreDestroy
    void stop() {
        running.forEach(ExecutorService::shutdownNow);
    }

    /** How many children of the kind this seed (its marker) has referred already. */
    public long seeded(Kind kind, String marker) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(REFERRAL_PROCESS)
                .variableValueEquals("referrer", referrer(kind, marker)).count();
    }

    static void refuseOutsideLocal(Environment environment) {
        if (!environment.acceptsProfiles(Profiles.of("local"))) {
            throw new DemoSeedException("The demo seed runs only in the local profile (it makes up children and their"
                    + " journeys); active profiles: " + List.of(environment.getActiveProfiles()) + ". Nothing was seeded.");
        }
    }

    // ------------------------------------------------------------------ one child

    void seedChild(DemoApi api, Kind kind, int index, String marker) {
        switch (kind) {
            case LOOKED_AFTER -> lookedAfter(api, index, marker);
            case CHILD_PROTECTION -> childProtection(api, index, marker);
            case CHILD_IN_NEED -> childInNeed(api, index, marker);
        }
    }

    /** Referred, assessed, accommodated under section 20 and placed; most have had their first review, some are late. */
    private void lookedAfter(DemoApi api, int i, String marker) {
        var team = TEAMS.get(i % 2);
        int daysInCare = 10 + (i * 37) % 700;
        var today = timescales.today();
        var startedOn = today.minusDays(daysInCare);
        var referral = refer(api, Kind.LOOKED_AFTER, i, marker, daysInCare + 20, bornOn(Kind.LOOKED_AFTER, i));
        screen(referral, "assessment");
        allocate(referral, team);
        assess(referral, team, "child-in-need");
        signOff(referral, team, "child-in-need");
        var child = referral.child;
        api.post(team.worker, "/api/children/" + child + "/periods-in-care", Map.of("legalBasis", "SECTION_20",
                "startedOn", startedOn.toString(), "parentalConsent", Map.of("givenBy", "Mother", "givenOn", startedOn.toString())));
        var period = api.post(team.worker, "/api/children/" + child + "/placements", Map.of("type", "FOSTER_CARE_OWN_CARERS",
                "provider", FAMILY[(i * 7) % FAMILY.length] + " foster carers", "postcode", "LS" + (1 + i % 28) + " " + (1 + i % 9) + "AB",
                "startedOn", startedOn.toString(), "longTerm", false, "temporaryApproval", false));
        var journey = (String) period.get("processInstanceId");
        int stage = LOOKED_AFTER_STAGES[i % LOOKED_AFTER_STAGES.length];
        if (stage == PLACED) {
            return; // nothing done since they came into care: every clock overdue
        }
        api.put(team.manager, "/api/children/" + child + "/periods-in-care/current/iro", Map.of("iro", IRO));
        if (stage == IRO_APPOINTED) {
            return;
        }
        var on = today.toString();
        complete(journey, "Task_RecordCarePlan", team.worker, Map.of("carePlanPreparedOn", on,
                "carePlanSummary", "Stay with foster carers; contact with mother twice a week."));
        complete(journey, "Task_RecordHealthAssessment", team.worker, Map.of("healthAssessmentOn", on,
                "healthAssessmentNote", "Well; dental check booked."));
        complete(journey, "Task_RecordPersonalEducationPlan", team.worker, Map.of("personalEducationPlanOn", on));
        complete(journey, "Task_VisitTheChildInTheirNewPlacement", team.worker, Map.of("visitedOn", on, "seenAlone", true,
                "visitNote", "Settled; school going well."));
        complete(journey, "Task_HoldFirstPermanencePlanningMeeting", team.manager, Map.of("planningMeetingHeldOn", on,
                "planningMeetingAttendedBy", "Social worker, team manager, IRO", "planningMeetingDiscussion", "Options reviewed."));
        var review = new HashMap<String, Object>(Map.of("reviewHeldOn", on, "reviewAttendedBy", "Child, foster carer, social worker",
                "childViews", "Wants to stay with the carers.", "childViewsGathered", "in-person", "carePlanStatus", "on-track",
                "permanencePlanInPlace", stage == PLAN_RATIFIED || stage == ADOPTION_PLAN));
        if (stage == PLAN_RATIFIED || stage == ADOPTION_PLAN) {
            review.putAll(Map.of("permanencePlanRatifiedAtReview", true, "permanencePlanType",
                    stage == ADOPTION_PLAN ? "adoption" : "long-term-fostering",
                    "permanencePlanContingency", "Special guardianship with the aunt"));
        }
        complete(journey, "Task_HoldFirstReview", IRO, review);
        if (stage == PROCEEDINGS_REQUESTED || stage == PROCEEDINGS_ISSUED) {
            var proceedings = api.post(team.manager, "/api/children/" + child + "/proceedings",
                    Map.of("reason", "Neglect persists despite the plan; parents withdrawing consent."));
            var legal = (String) proceedings.get("processInstanceId");
            if (stage == PROCEEDINGS_ISSUED) {
                complete(legal, "Task_HoldLegalPlanningMeeting", LEGAL, Map.of("legalPlanningMeetingHeldOn", on, "thresholdMet", "yes",
                        "legalDecision", "issue-proceedings", "legalRationale", "Threshold met on the evidence of chronic neglect."));
                complete(legal, "Task_IssueCareApplication", LEGAL, Map.of("proceedingsIssuedOn", on,
                        "court", "Family Court at Leeds", "caseNumber", "LS26C" + String.format("%05d", i)));
            }
        }
    }

    /** Referred with harm suspected: a strategy discussion, a section 47 enquiry, a conference; most end on a plan. */
    private void childProtection(DemoApi api, int i, String marker) {
        var referral = refer(api, Kind.CHILD_PROTECTION, i, marker, 3 + (i * 11) % 90, bornOn(Kind.CHILD_PROTECTION, i));
        screen(referral, "strategy-discussion");
        int stage = CHILD_PROTECTION_STAGES[i % CHILD_PROTECTION_STAGES.length];
        if (stage == AT_STRATEGY_DISCUSSION) {
            return;
        }
        var on = timescales.today().toString();
        complete(referral.journey, "Task_HoldStrategyDiscussion", FRONT_DOOR_MANAGER, Map.of("strategyDiscussionHeldOn", on,
                "strategyAttendees", List.of("police", "health", "childrens-social-care"), "strategyOutcome", "section-47",
                "strategyRationale", "Injuries need explaining; police to interview."));
        if (stage == AT_ENQUIRY) {
            return;
        }
        complete(referral.journey, "Task_CompleteSection47Enquiry", FRONT_DOOR_WORKER, Map.of("enquiryChildSeenOn", on,
                "enquiryFindings", "Child seen alone; concerns substantiated.", "enquiryOutcome", "initial-conference",
                "enquiryRationale", "Continuing risk of significant harm."));
        if (stage == AT_CONFERENCE) {
            return;
        }
        complete(referral.journey, "Task_HoldInitialConference", IRO, Map.of("conferenceHeldOn", on,
                "conferenceDecision", "child-protection-plan", "conferenceRationale", "Risk of significant harm from neglect."));
    }

    /** Referred for an assessment: some still at the front door or being assessed, most on a child in need plan. */
    private void childInNeed(DemoApi api, int i, String marker) {
        var team = TEAMS.get(i % 2);
        var referral = refer(api, Kind.CHILD_IN_NEED, i, marker, (i * 7) % 90, bornOn(Kind.CHILD_IN_NEED, i));
        int stage = CHILD_IN_NEED_STAGES[i % CHILD_IN_NEED_STAGES.length];
        if (stage == AT_SCREENING) {
            return;
        }
        screen(referral, "assessment");
        if (stage == AT_ALLOCATION) {
            return;
        }
        allocate(referral, team);
        if (stage == AT_ASSESSMENT) {
            return;
        }
        assess(referral, team, "child-in-need");
        if (stage == AT_SIGN_OFF) {
            return;
        }
        signOff(referral, team, "child-in-need");
    }

    // ------------------------------------------------------------------ the referral journey's steps

    private record Referred(String child, String journey) {
    }

    private Referred refer(DemoApi api, Kind kind, int i, String marker, long daysAgo, LocalDate dateOfBirth) {
        var now = ZonedDateTime.ofInstant(timescales.now(), LONDON);
        var receivedAt = now.minusDays(daysAgo).minusMinutes(5).toOffsetDateTime();
        int g = kind.offset + i;
        for (int attempt = 0; ; attempt++) {
            int n = g + attempt * 7919;
            var child = new LinkedHashMap<String, Object>();
            child.put("givenName", GIVEN[n % GIVEN.length]);
            child.put("familyName", FAMILY[(n / GIVEN.length) % FAMILY.length]);
            child.put("dateOfBirth", dateOfBirth.plusDays(attempt).toString());
            child.put("gender", n % 2 == 0 ? "FEMALE" : "MALE");
            var referrer = new LinkedHashMap<String, Object>();
            referrer.put("name", "Demo seed");
            referrer.put("role", kind.label);
            referrer.put("organisation", marker);
            try {
                var taken = api.post(FRONT_DOOR_WORKER, "/api/referrals", Map.of("child", child, "receivedAt", receivedAt.toString(),
                        "source", kind == Kind.CHILD_PROTECTION ? "POLICE" : "SCHOOL",
                        "concerns", kind == Kind.CHILD_PROTECTION ? "Police called to the home overnight; bruising seen."
                                : "Attendance falling; often hungry at school.", "referrer", referrer));
                return new Referred((String) taken.get("childReference"), (String) taken.get("processInstanceId"));
            } catch (DemoSeedException e) {
                // the same name and date of birth as a child already recorded (by hand, or another seed): another child
                if (attempt >= 3 || !e.getMessage().contains(" 409")) {
                    throw e;
                }
            }
        }
    }

    /**
     * Aged 1 to 17. With the names, from the child's number across kinds, so no two children of one seed are the same
     * child (name and date of birth) up to 2,000 of a kind; beyond, a clash is taken as another name.
     */
    private LocalDate bornOn(Kind kind, int i) {
        return timescales.today().minusYears(1).minusDays((kind.offset + i) % 5800);
    }

    static String referrer(Kind kind, String marker) {
        return "Demo seed, " + kind.label + ", " + marker;
    }

    private void screen(Referred referral, String decision) {
        complete(referral.journey, "Task_ScreenContact", FRONT_DOOR_WORKER, Map.of("ragRating",
                decision.equals("strategy-discussion") ? "red" : "amber", "screeningDecision", decision,
                "screeningRationale", "Screened at the front door."));
    }

    private void allocate(Referred referral, Team team) {
        complete(referral.journey, "Task_AllocateSocialWorker", FRONT_DOOR_MANAGER, Map.of("allocatedWorker", team.worker));
    }

    private void assess(Referred referral, Team team, String recommendation) {
        complete(referral.journey, "Task_CompleteAssessment", team.worker, Map.of("childSeenOn", timescales.today().toString(),
                "childsViews", "Wants things to be calmer at home.", "assessmentAnalysis", "Needs support with routines.",
                "assessmentRecommendation", recommendation));
    }

    private void signOff(Referred referral, Team team, String decision) {
        complete(referral.journey, "Task_SignOffAssessment", team.manager, Map.of("signOffDecision", decision,
                "signOffRationale", "Agree with the analysis."));
    }

    /**
     * Completes the journey's open task as the user, with their groups, as the Tasklist would (claiming it first if
     * nobody has); tried again when a timer of the same journey fired at the same moment.
     */
    private void complete(String processInstanceId, String taskKey, String user, Map<String, Object> variables) {
        for (int attempt = 1; ; attempt++) {
            var task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).singleResult();
            if (task == null) {
                throw new DemoSeedException("No open task " + taskKey + " in journey " + processInstanceId);
            }
            identity.setAuthentication(user, groupsOf(user));
            try {
                if (task.getAssignee() == null) {
                    tasks.claim(task.getId(), user);
                }
                tasks.complete(task.getId(), variables);
                return;
            } catch (OptimisticLockingException e) {
                if (attempt == 5) {
                    throw e;
                }
            } finally {
                identity.clearAuthentication();
            }
        }
    }

    private List<String> groupsOf(String user) {
        return groups.computeIfAbsent(user, u -> identity.createGroupQuery().groupMember(u).list().stream().map(Group::getId).toList());
    }
}
