package org.carepath.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.carepath.CarePathTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/** Panel members, sittings, quorum, bookings and deferrals through the API: what is refused, and to whom. */
@CarePathTest
class PanelApiTest extends PanelTestSupport {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCouncilRunsAPanelOfItsOwnWithTheQuorumCapacityAndTimingItSetAndNoOther() {
        clockAt("2027-03-01T10:00");
        var chair = member("Kim Chair", "CHAIR", "2029-12-31", "KINSHIP");
        var independent = member("Lee Independent", "INDEPENDENT_MEMBER", "2029-12-31", "KINSHIP");
        var sitting = sitting("KINSHIP", "2027-04-06", null, List.of(chair, independent));
        assertThat(sitting).containsEntry("type", "KINSHIP").containsEntry("capacity", 3);
        assertThat(map(sitting.get("expectedQuorum"))).containsEntry("met", true)
                .containsEntry("rule", "Council standard for kinship care panels");
        var first = book(ADMINISTRATOR, id(sitting), newChild());
        var second = book(ADMINISTRATOR, id(sitting), newChild());
        assertThat(second.getBody()).as("50 minutes a case").containsEntry("time", "10:50:00");
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        assertThat(refused(call(ADMINISTRATOR, HttpMethod.POST, "/api/panel-sittings", Map.of("type", "NONSENSE", "date", "2027-04-06",
                "time", "10:00", "place", "County Hall")))).containsOnlyKeys("type").extractingByKey("type").asString()
                .contains("KINSHIP").contains("PERMANENCE");
        assertThat(refused(call(ADMINISTRATOR, HttpMethod.POST, "/api/panel-members", Map.of("name", "X", "role", "CHAIR",
                "panelTypes", List.of("KINSHIP", "BOGUS"), "appointedOn", "2024-01-01", "appointmentEndsOn", "2029-12-31"))))
                .containsOnlyKeys("panelTypes[1]");
    }

    @Test
    void aCouncilCannotRedefineTheRegulationsPanelsNorNameAPanelBadly() {
        var rule = new QuorumRule(1, false, -1, 0, "Lax");
        assertThatThrownBy(() -> PanelType.council("ADOPTION", rule, 6, 45)).hasMessageContaining("regulations");
        assertThatThrownBy(() -> PanelType.council("kinship panel", rule, 6, 45)).hasMessageContaining("capital letters");
        assertThatThrownBy(() -> PanelType.council("HUGE", rule, 99, 45)).hasMessageContaining("1 to 20 cases");
        assertThat(PanelType.valueOf("ADOPTION").quorum().minimumMembers()).isEqualTo(5);
    }

    @Test
    void thePapersDeadlineIsTenWorkingDaysBeforeTheSittingCountedOverChristmasAndNewYear() {
        clockAt("2026-12-01T10:00");
        var sitting = sitting("PERMANENCE", "2027-01-05", null, List.of());
        // back from Tuesday 5 January 2027: 4 Jan, (1 Jan New Year's Day), 31, 30, 29 Dec, (28 Dec Boxing Day substitute,
        // 26-27 weekend, 25 Christmas Day), 24, 23, 22, 21, 18, 17 Dec
        assertThat(sitting).containsEntry("papersDeadline", "2026-12-17").containsEntry("papersDeadlinePassed", false)
                .containsEntry("day", "Tuesday 5 January 2027").containsEntry("capacity", 6).containsEntry("freePlaces", 6);
        assertThat(get("team-manager", "/api/panel-sittings/" + id(sitting))).containsEntry("papersDeadline", "2026-12-17");
        var listed = http.exchange("/api/panel-sittings?type=PERMANENCE&from=2027-01-05", HttpMethod.GET,
                signedIn("service-manager", null), List.class);
        assertThat(list(listed.getBody())).anySatisfy(s -> assertThat(s).containsEntry("id", (int) id(sitting)));

        clockAt("2026-12-18T09:00");
        assertThat(get(ADMINISTRATOR, "/api/panel-sittings/" + id(sitting))).containsEntry("papersDeadlinePassed", true);
        assertThat(conflict(book(ADMINISTRATOR, id(sitting), newChild())))
                .startsWith("The papers deadline for the sitting on Tuesday 5 January 2027 passed on Thursday 17 December 2026");
    }

    @Test
    void theNextSittingWithAFreePlaceWhosePapersDeadlineCanBeMetIsProposedAndAFullSittingSaysWhichItIs() {
        clockAt("2090-03-01T10:00");
        var deadlinePassed = sitting("FOSTERING", "2090-03-08", null, List.of());
        var small = sitting("FOSTERING", "2090-03-29", 1, List.of());
        var next = sitting("FOSTERING", "2090-04-05", null, List.of());
        assertThat(deadlinePassed).containsEntry("papersDeadlinePassed", true);

        assertThat(book(ADMINISTRATOR, id(small), newChild()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        var proposed = get("team-manager", "/api/panel-sittings/proposed?type=FOSTERING");
        assertThat(proposed).as("neither the one past its papers deadline nor the full one").containsEntry("id", (int) id(next))
                .containsEntry("freePlaces", 6);

        var full = conflict(book(ADMINISTRATOR, id(small), newChild()));
        assertThat(full).isEqualTo("The sitting on " + DAY.format(LocalDate.of(2090, 3, 29)) + " is full (1 of 1 case); the next"
                + " sitting with a free place is " + DAY.format(LocalDate.of(2090, 4, 5)) + " (sitting " + id(next)
                + ", papers due by " + DAY.format(LocalDate.parse((String) next.get("papersDeadline"))) + ")");
        assertThat(conflict(book(ADMINISTRATOR, id(deadlinePassed), newChild()))).contains("papers deadline")
                .contains("the next sitting with a free place is " + DAY.format(LocalDate.of(2090, 4, 5)));

        assertThat(refused(call(ADMINISTRATOR, HttpMethod.GET, "/api/panel-sittings/proposed", null))).containsOnlyKeys("type");
        assertThat(refused(call(ADMINISTRATOR, HttpMethod.GET, "/api/panel-sittings/proposed?type=CASTLE", null))).containsOnlyKeys("type");
    }

    @Test
    void aMemberWhoseAppointmentHasEndedCannotBeInvitedAndNothingIsStored() {
        clockAt("2026-12-01T10:00");
        var chair = member("Ruth Chair", "CHAIR", "2028-12-31", "PERMANENCE");
        var ended = member("Ended Member", "INDEPENDENT_MEMBER", "2026-12-31", "PERMANENCE");
        var adoptionOnly = member("Adoption Only", "INDEPENDENT_MEMBER", "2028-12-31", "ADOPTION");
        long before = sittings();
        var refused = refused(call(ADMINISTRATOR, HttpMethod.POST, "/api/panel-sittings", Map.of("type", "PERMANENCE",
                "date", "2027-01-12", "time", "10:00", "onlineLink", "https://meet.example/panel",
                "members", List.of(chair, ended, adoptionOnly, 999999L))));
        assertThat(refused).containsOnlyKeys("members[1]", "members[2]", "members[3]");
        assertThat(refused.get("members[1]")).isEqualTo("Ended Member's appointment ended on 2026-12-31: they cannot be invited"
                + " to a sitting on 2027-01-12");
        assertThat(refused.get("members[2]")).contains("does not sit on the PERMANENCE panel");
        assertThat(sittings()).isEqualTo(before);

        var sitting = sitting("PERMANENCE", "2027-01-12", null, List.of(chair));
        assertThat(refused(call(ADMINISTRATOR, HttpMethod.POST, "/api/panel-sittings/" + id(sitting) + "/invitations",
                Map.of("members", List.of(ended))))).containsOnlyKeys("members[0]");
        assertThat(list(get(ADMINISTRATOR, "/api/panel-sittings/" + id(sitting)).get("members"))).singleElement()
                .satisfies(m -> assertThat(m).containsEntry("name", "Ruth Chair"));
    }

    @Test
    void quorumIsExpectedFromTheMembersInvitedAndMetOrNotFromWhoAttendedWithTheReasons() {
        clockAt("2027-02-01T10:00");
        var chair = member("Chair Permanence", "CHAIR", "2029-12-31", "PERMANENCE", "ADOPTION");
        var socialWorker = member("Social Worker", "SOCIAL_WORKER", "2029-12-31", "PERMANENCE", "ADOPTION");
        var independent = member("Independent One", "INDEPENDENT_MEMBER", "2029-12-31", "PERMANENCE", "ADOPTION");
        var medical = member("Dr Medical", "MEDICAL_ADVISER", "2029-12-31", "ADOPTION");
        var vice = member("Vice Chair", "VICE_CHAIR", "2029-12-31", "ADOPTION");
        var legal = member("Legal Adviser", "LEGAL_ADVISER", "2029-12-31", "PERMANENCE", "ADOPTION");

        var permanence = sitting("PERMANENCE", "2027-02-09", null, List.of(chair, socialWorker, independent, legal));
        assertThat(map(permanence.get("expectedQuorum"))).containsEntry("met", true).containsEntry("members", 3);
        assertThat(permanence.get("actualQuorum")).isNull();

        assertThat(conflict(call(ADMINISTRATOR, HttpMethod.POST, "/api/panel-sittings/" + id(permanence) + "/attendance",
                Map.of("attended", List.of(chair))))).contains("has not happened yet");
        clockAt("2027-02-09T12:00");
        assertThat(refused(call(ADMINISTRATOR, HttpMethod.POST, "/api/panel-sittings/" + id(permanence) + "/attendance",
                Map.of("attended", List.of(socialWorker, vice))))).containsOnlyKeys("attended[1]");
        var attended = call(ADMINISTRATOR, HttpMethod.POST, "/api/panel-sittings/" + id(permanence) + "/attendance",
                Map.of("attended", List.of(socialWorker, independent, legal)));
        assertThat(attended.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(map(attended.getBody().get("actualQuorum"))).containsEntry("met", false).containsEntry("members", 2)
                .containsEntry("reasons", List.of("2 members of the panel, at least 3 needed", "no chair or vice-chair"));
        assertThat(list(attended.getBody().get("members"))).extracting(m -> m.get("attended")).containsExactly(false, true, true, true);

        clockAt("2027-02-01T10:00");
        var adoption = sitting("ADOPTION", "2027-02-10", null, List.of(vice, socialWorker, medical, legal, chair));
        assertThat(map(adoption.get("expectedQuorum"))).containsEntry("met", false)
                .as("the legal adviser advises the panel but is not a member of it")
                .containsEntry("reasons", List.of("4 members of the panel, at least 5 needed", "0 independent members, at least 1 needed"))
                .containsEntry("rule", "Adoption Agencies Regulations 2005, reg 3");
        var invited = call(ADMINISTRATOR, HttpMethod.POST, "/api/panel-sittings/" + id(adoption) + "/invitations",
                Map.of("members", List.of(independent)));
        assertThat(map(invited.getBody().get("expectedQuorum"))).containsEntry("met", true).containsEntry("members", 5);
    }

    @Test
    void aDeferralMovesTheCaseToALaterSittingAndTheChildsDeferralsAreCounted() {
        clockAt("2027-03-01T10:00");
        var child = newChild();
        var first = sitting("PERMANENCE", "2027-03-23", null, List.of());
        var second = sitting("PERMANENCE", "2027-04-20", null, List.of());
        var third = sitting("PERMANENCE", "2027-05-18", null, List.of());
        var booked = book(ADMINISTRATOR, id(first), child);
        assertThat(booked.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(booked.getBody()).containsEntry("position", 1).containsEntry("time", "10:00:00").containsEntry("deferrals", 0);
        var other = book(ADMINISTRATOR, id(first), newChild());
        assertThat(other.getBody()).as("the next case's time follows the first").containsEntry("position", 2).containsEntry("time", "10:40:00");
        assertThat(conflict(book(ADMINISTRATOR, id(first), child))).contains("is booked onto the sitting on Tuesday 23 March 2027 already");

        var deferral = "/api/panel-sittings/" + id(first) + "/bookings/" + id(booked.getBody()) + "/deferral";
        assertThat(refused(call(ADMINISTRATOR, HttpMethod.POST, deferral, Map.of("toSitting", id(first), "reason", "Papers late"))))
                .containsOnlyKeys("toSitting");
        assertThat(refused(call(ADMINISTRATOR, HttpMethod.POST, deferral, Map.of("toSitting", id(second))))).containsOnlyKeys("reason");
        var moved = call(ADMINISTRATOR, HttpMethod.POST, deferral, Map.of("toSitting", id(second), "reason", "Papers late"));
        assertThat(moved.getStatusCode()).as("%s", moved.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(moved.getBody()).containsEntry("sittingId", (int) id(second)).containsEntry("deferrals", 1)
                .containsEntry("deferredFrom", (int) id(booked.getBody())).containsEntry("child", child);
        assertThat(conflict(call(ADMINISTRATOR, HttpMethod.POST, deferral, Map.of("toSitting", id(third), "reason", "Again"))))
                .contains("deferred already");

        var again = call(ADMINISTRATOR, HttpMethod.POST, "/api/panel-sittings/" + id(second) + "/bookings/" + id(moved.getBody())
                + "/deferral", Map.of("toSitting", id(third), "reason", "Quorum not met"));
        assertThat(again.getBody()).containsEntry("deferrals", 2);
        var agenda = list(get("admin", "/api/panel-sittings/" + id(third)).get("agenda"));
        assertThat(agenda).singleElement().satisfies(item -> assertThat(item).containsEntry("child", child)
                .containsEntry("deferrals", 2).containsEntry("position", 1));
        assertThat(get("admin", "/api/panel-sittings/" + id(first))).containsEntry("casesBooked", 1);
        assertThat(list(get("admin", "/api/panel-sittings/" + id(first)).get("agenda"))).singleElement()
                .satisfies(item -> assertThat(item).containsEntry("position", 1).containsEntry("time", "10:40:00"));
    }

    @Test
    void aCancelledSittingTakesNoBookingsAndASittingWithCasesIsNotCancelledUntilTheyAreDeferred() {
        clockAt("2027-03-01T10:00");
        var sitting = sitting("MATCHING", "2027-03-24", null, List.of());
        var later = sitting("MATCHING", "2027-04-21", null, List.of());
        var booking = book(ADMINISTRATOR, id(sitting), newChild()).getBody();
        var cancellation = "/api/panel-sittings/" + id(sitting) + "/cancellation";
        assertThat(refused(call(ADMINISTRATOR, HttpMethod.POST, cancellation, Map.of("reason", " ")))).containsOnlyKeys("reason");
        assertThat(conflict(call(ADMINISTRATOR, HttpMethod.POST, cancellation, Map.of("reason", "Chair ill"))))
                .contains("has 1 case booked: defer them");
        call(ADMINISTRATOR, HttpMethod.POST, "/api/panel-sittings/" + id(sitting) + "/bookings/" + id(booking) + "/deferral",
                Map.of("toSitting", id(later), "reason", "Sitting cancelled"));
        var cancelled = call(ADMINISTRATOR, HttpMethod.POST, cancellation, Map.of("reason", "Chair ill"));
        assertThat(cancelled.getBody()).containsEntry("status", "CANCELLED").containsEntry("cancelledReason", "Chair ill");
        assertThat(conflict(book(ADMINISTRATOR, id(sitting), newChild()))).contains("was cancelled (Chair ill)");

        var moved = call(ADMINISTRATOR, HttpMethod.POST, "/api/panel-sittings/" + id(later) + "/rescheduling",
                Map.of("date", "2027-04-28", "time", "14:00", "reason", "Room unavailable"));
        assertThat(moved.getBody()).containsEntry("date", "2027-04-28").containsEntry("rescheduledFrom", "2027-04-21")
                .containsEntry("rescheduledReason", "Room unavailable");
        assertThat(list(moved.getBody().get("agenda"))).singleElement().satisfies(item -> assertThat(item).containsEntry("time", "14:00:00"));
    }

    @Test
    void onlyPanelAdministratorsWriteManagersReadAndAChildOnTheAgendaIsShownOnlyInTheirScope() {
        clockAt("2027-03-01T10:00");
        var sitting = sitting("PERMANENCE", "2027-03-30", null, List.of());
        var child = newChild();
        assertThat(book("practitioner", id(sitting), child).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(book("team-manager", id(sitting), child).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call("practitioner", HttpMethod.POST, "/api/panel-members", Map.of()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call("practitioner", HttpMethod.GET, "/api/panel-sittings/" + id(sitting), null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(book("admin", id(sitting), child).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        assertThat(list(get("team-manager", "/api/panel-sittings/" + id(sitting)).get("agenda"))).singleElement()
                .satisfies(item -> assertThat(item).containsEntry("child", child).containsEntry("outsideYourScope", false));
        assertThat(list(get("team-manager-south", "/api/panel-sittings/" + id(sitting)).get("agenda"))).singleElement()
                .satisfies(item -> assertThat(item).doesNotContainKeys("child", "reason", "deferrals")
                        .containsEntry("outsideYourScope", true).containsEntry("position", 1));
        assertThat(http.exchange("/api/panel-members", HttpMethod.GET, signedIn(ADMINISTRATOR, null), List.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void thePanelAdministratorSeesAChildWhileTheyAreBookedOnAnOpenSitting() {
        clockAt("2027-03-01T10:00");
        var sitting = sitting("PERMANENCE", "2027-03-30", null, List.of());
        var child = newChild();
        assertThat(http.exchange("/api/children/" + child, HttpMethod.GET, signedIn(ADMINISTRATOR, null), String.class).getStatusCode())
                .as("not booked: not theirs").isEqualTo(HttpStatus.NOT_FOUND);
        var booked = book(ADMINISTRATOR, id(sitting), child);
        assertThat(booked.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(list(get(ADMINISTRATOR, "/api/panel-sittings/" + id(sitting)).get("agenda"))).singleElement()
                .satisfies(item -> assertThat(item).containsEntry("child", child).containsEntry("outsideYourScope", false));
        assertThat(http.exchange("/api/children/" + child, HttpMethod.GET, signedIn(ADMINISTRATOR, null), String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        clockAt("2027-03-31T10:00");
        assertThat(http.exchange("/api/children/" + child, HttpMethod.GET, signedIn(ADMINISTRATOR, null), String.class).getStatusCode())
                .as("the sitting is over").isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void unknownSittingsBookingsAndChildrenAreNotFound() {
        clockAt("2027-03-01T10:00");
        var sitting = sitting("PERMANENCE", "2027-03-31", null, List.of());
        assertThat(call(ADMINISTRATOR, HttpMethod.GET, "/api/panel-sittings/99999999", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(book(ADMINISTRATOR, 99999999, newChild()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(book(ADMINISTRATOR, id(sitting), "C-999999").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(call(ADMINISTRATOR, HttpMethod.POST, "/api/panel-sittings/" + id(sitting) + "/bookings/99999999/deferral",
                Map.of("toSitting", id(sitting), "reason", "x")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("admin", "/api/panel-sittings/" + id(sitting))).containsEntry("casesBooked", 0);
    }

    @Test
    void badInputIsRefusedNamingEachFieldAndNothingIsStored() {
        clockAt("2027-03-01T10:00");
        long before = sittings();
        assertThat(refused(call(ADMINISTRATOR, HttpMethod.POST, "/api/panel-sittings",
                Map.of("type", "CASTLE", "date", "2027-02-30", "time", "25:00", "capacity", 0))))
                .containsOnlyKeys("type", "date", "time", "place", "capacity");
        assertThat(refused(call(ADMINISTRATOR, HttpMethod.POST, "/api/panel-sittings",
                Map.of("type", "PERMANENCE", "date", "2027-02-01", "time", "10:00", "place", "Room 1"))))
                .containsOnlyKeys("date");
        assertThat(sittings()).isEqualTo(before);

        var members = jdbc.queryForObject("select count(*) from panel_member", Long.class);
        assertThat(refused(call(ADMINISTRATOR, HttpMethod.POST, "/api/panel-members",
                Map.of("name", " ", "role", "BISHOP", "panelTypes", List.of(), "appointedOn", "2027-01-01", "appointmentEndsOn", "2026-01-01"))))
                .containsOnlyKeys("name", "role", "panelTypes", "appointmentEndsOn");
        assertThat(refused(call(ADMINISTRATOR, HttpMethod.POST, "/api/panel-members",
                Map.of("name", "Sam", "role", "SOCIAL_WORKER", "panelTypes", List.of("PERMANENCE", "CASTLE"),
                        "appointedOn", "2027-01-01", "appointmentEndsOn", "2029-01-01"))))
                .containsOnlyKeys("qualifiedOn", "panelTypes[1]");
        assertThat(jdbc.queryForObject("select count(*) from panel_member", Long.class)).isEqualTo(members);

        var sitting = sitting("PERMANENCE", "2027-03-31", null, List.of());
        assertThat(refused(call(ADMINISTRATOR, HttpMethod.POST, "/api/panel-sittings/" + id(sitting) + "/bookings",
                Map.of("child", "", "time", "noon")))).containsOnlyKeys("child", "reason", "time");
        assertThat(get("admin", "/api/panel-sittings/" + id(sitting))).containsEntry("casesBooked", 0);
    }

    private long sittings() {
        return jdbc.queryForObject("select count(*) from panel_sitting", Long.class);
    }
}
