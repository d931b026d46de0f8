package org.carepath.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.carepath.CarePathTest;
import org.carepath.TasklistSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The panel administrator's pages over HTTP, signed in as the Tasklist signs people in: the sittings as a list and a
 * calendar, scheduling a sitting, booking a child, bad input shown in the GOV.UK error summary, and who may see what.
 */
@CarePathTest
class PanelPagesTest extends PanelTestSupport {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"([0-9]+)\"");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Panels panels;

    @Test
    void thePanelPagesAreOnTheSharedLayoutWithTheNavigationOfTheViewersRoles() {
        var manager = page("team-manager", "/panel").getBody();
        assertThat(manager).contains("<title>Panel sittings – CarePath</title>").contains("/carepath/assets/carepath.css")
                .contains("/panel/assets/panel.css").contains("/carepath/assets/carepath.js").contains("govuk-footer");
        assertThat(manager).as("the panels marked as the page shown, beside the manager's own pages")
                .containsPattern("href=\"/panel\" aria-current=\"page\">\\s*<strong[^>]*>Panels</strong>")
                .contains("href=\"/tracker\"").contains("href=\"/manager\"").contains("href=\"/logout\"");
        assertThat(page(ADMINISTRATOR, "/panel").getBody()).as("no manager's pages for the panel administrator")
                .contains("href=\"/tracker\"").doesNotContain("href=\"/manager\"");
        assertThat(page(ADMINISTRATOR, "/tracker").getBody()).as("the tracker's pages lead to the panels").contains("href=\"/panel\"");
        assertThat(page("practitioner", "/tracker").getBody()).doesNotContain("href=\"/panel\"");
        var refused = page("practitioner", "/panel");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody()).contains("These pages are not for your role").contains("href=\"/tracker\"").doesNotContain("href=\"/panel\"");
    }

    @Test
    void theListAndTheCalendarShowASittingWithItsFreePlacesAndPapersDeadline() {
        clockAt("2095-03-01T10:00");
        var sitting = sitting("MATCHING", "2095-03-15", 3, List.of());
        assertThat(book(ADMINISTRATOR, id(sitting), newChild()).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        var page = page(ADMINISTRATOR, "/panel?month=2095-03&type=MATCHING");
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getHeaders().getContentType().toString()).startsWith("text/html");
        assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'self'").doesNotContain("unsafe-inline");
        var body = page.getBody();
        var list = body.substring(body.indexOf("id=\"coming\""), body.indexOf("id=\"calendar\""));
        assertThat(list).contains("href=\"/panel/sittings/" + id(sitting) + "\"").contains("Tue 15 Mar 2095, 10:00")
                .contains("Matching panel").contains("Committee room 2, County Hall").contains("1 of 3")
                .contains(">2<").contains("1 Mar 2095"); // 10 working days before
        var calendar = body.substring(body.indexOf("id=\"calendar\""));
        assertThat(calendar).contains("March 2095").contains("Tuesday 15 March 2095").contains("10:00 Matching panel")
                .contains("2 places free").contains("month=2095-02").contains("month=2095-04");
        assertThat(page(ADMINISTRATOR, "/panel?month=2095-03&type=FOSTERING").getBody()).doesNotContain("/panel/sittings/" + id(sitting) + "\"");
        assertThat(page(ADMINISTRATOR, "/panel?month=March").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aSittingIsScheduledThroughThePageAndBadInputComesBackWithTheServicesMessagesOnEachField() {
        clockAt("2095-04-01T10:00");
        var chair = member("Rhiannon Chair", "CHAIR", "2099-12-31", "PERMANENCE");
        var ended = member("Edward Ended", "INDEPENDENT_MEMBER", "2095-04-10", "PERMANENCE");
        var session = TasklistSession.signIn(http, ADMINISTRATOR);
        var form = page(session, "/panel/sittings/new").getBody();
        assertThat(form).contains("Rhiannon Chair, chair").contains("Edward Ended").contains("for=\"date-day\"");
        long before = sittings();

        var bad = post(session, "/panel/sittings/new", "/panel/sittings", Map.of("type", List.of("PERMANENCE"), "date-day", List.of("20"),
                "date-month", List.of("4"), "date-year", List.of("2095"), "time", List.of("25:00"), "members", List.of("" + chair, "" + ended)));
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        var summary = errorSummary(bad.getBody());
        assertThat(summary).contains("href=\"#time\"").contains("Time must be a time of day in London, e.g. 10:00")
                .contains("href=\"#place\"").contains("Place is required: a place, or an online link")
                .contains("href=\"#member-" + ended + "\"").contains("Edward Ended&#39;s appointment ended on 2095-04-10");
        assertThat(bad.getBody()).contains("id=\"time-error\"").contains("govuk-form-group--error")
                .as("what was typed is kept").contains("value=\"20\"").containsPattern("id=\"member-" + chair + "\"[^>]*checked");
        assertThat(sittings()).as("nothing stored").isEqualTo(before);

        var nothing = post(session, "/panel/sittings/new", "/panel/sittings", Map.of());
        assertThat(errorSummary(nothing.getBody())).contains("href=\"#type\"").contains("Panel type is required")
                .contains("href=\"#date-day\"").contains("Date is required");

        var created = post(session, "/panel/sittings/new", "/panel/sittings", Map.of("type", List.of("PERMANENCE"), "date-day", List.of("20"),
                "date-month", List.of("4"), "date-year", List.of("2095"), "time", List.of("10:30"), "place", List.of("County Hall"),
                "members", List.of("" + chair)));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        var location = created.getHeaders().getLocation().getPath();
        assertThat(location).matches("/panel/sittings/\\d+");
        var shown = page(session, location).getBody();
        assertThat(shown).contains("Sitting scheduled").contains("Wednesday 20 April 2095 at 10:30").contains("Rhiannon Chair")
                .contains("County Hall").contains("Not met");
        assertThat(sittings()).isEqualTo(before + 1);

        var vice = member("Victor Vice", "VICE_CHAIR", "2099-12-31", "PERMANENCE");
        var worker = member("Wendy Worker", "SOCIAL_WORKER", "2099-12-31", "PERMANENCE");
        var none = post(session, location, location + "/invitations", Map.of());
        // the summary links to the first member offered (members added by other tests may come first)
        assertThat(errorSummary(none.getBody())).containsPattern("href=\"#invite-\\d+\"").contains("Select at least one member to invite");
        var invited = post(session, location, location + "/invitations", Map.of("members", List.of("" + vice, "" + worker)));
        assertThat(invited.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(page(session, location).getBody()).contains("Victor Vice").contains("Wendy Worker")
                .contains("Members invited: the quorum expected is met");
    }

    @Test
    void bookingBeyondCapacityShowsTheServicesMessageInTheSummaryAndStoresNothing() {
        clockAt("2095-05-01T10:00");
        var sitting = id(sitting("ADOPTION", "2095-05-24", 1, List.of()));
        var first = newChild();
        assertThat(book(ADMINISTRATOR, sitting, first).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        var session = TasklistSession.signIn(http, ADMINISTRATOR);
        var second = newChild();

        var full = post(session, "/panel/sittings/" + sitting, "/panel/sittings/" + sitting + "/bookings",
                Map.of("child", List.of(second), "reason", List.of("Adoption plan from the second review")));
        assertThat(full.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(errorSummary(full.getBody())).contains("href=\"#book\"").contains("The sitting on Tuesday 24 May 2095 is full (1 of 1 case)");
        assertThat(full.getBody()).as("what was typed is kept").contains("value=\"" + second + "\"").doesNotContain("Whitelabel");
        assertThat(jdbc.queryForObject("select count(*) from panel_booking where sitting_id = ?", Long.class, sitting)).isOne();

        var blank = post(session, "/panel/sittings/" + sitting, "/panel/sittings/" + sitting + "/bookings", Map.of("child", List.of(" ")));
        assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errorSummary(blank.getBody())).contains("href=\"#book-child\"").contains("Child&#39;s reference is required")
                .contains("href=\"#book-reason\"");
        assertThat(blank.getBody()).contains("id=\"book-child-error\"");

        var shown = page(session, "/panel/sittings/" + sitting).getBody();
        assertThat(shown).contains(first).contains(children.get(first).name()).contains("Permanence plan for adoption")
                .contains("1 of 1 booked; 0 places free");
        assertThat(shown).contains("Due by " + PanelText.shortDayOf(panels.papersDeadlineOf(sitting)));
        assertThat(page("team-manager-south", "/panel/sittings/" + sitting).getBody()).as("a child of another team")
                .contains("A child outside your scope").doesNotContain(first);

        clockAt("2095-05-20T10:00"); // the papers deadline has passed without the papers
        var late = page(session, "/panel/sittings/" + sitting).getBody();
        assertThat(late).containsPattern("govuk-tag--red\"[^>]*>Late: due " + PanelText.shortDayOf(panels.papersDeadlineOf(sitting)))
                .contains("The papers deadline has passed: book children onto a later sitting").doesNotContain("Book the child");
    }

    @Test
    void aCaseIsDeferredTheEmptySittingCancelledAndTheOtherRescheduledThroughThePages() {
        clockAt("2095-08-01T10:00");
        var first = id(sitting("FOSTERING", "2095-08-23", null, List.of()));
        var later = id(sitting("FOSTERING", "2095-09-13", null, List.of()));
        var child = newChild();
        assertThat(book(ADMINISTRATOR, first, child).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        var session = TasklistSession.signIn(http, ADMINISTRATOR);
        var page = "/panel/sittings/" + first;

        var notEmpty = post(session, page, page + "/cancellation", Map.of("cancel-reason", List.of("Chair unwell")));
        assertThat(notEmpty.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(errorSummary(notEmpty.getBody())).contains("href=\"#cancel\"").contains("has 1 case booked: defer them to another sitting");
        assertThat(notEmpty.getBody()).as("the form stays open with what was typed").containsPattern("id=\"cancel\"[^>]*open")
                .contains("Chair unwell");

        var noCase = post(session, page, page + "/deferral", Map.of("defer-to", List.of("" + later)));
        assertThat(noCase.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errorSummary(noCase.getBody())).contains("href=\"#defer-booking\"").contains("Case is required");
        var booking = jdbc.queryForObject("select id from panel_booking where sitting_id = ?", Long.class, first);
        var noReason = post(session, page, page + "/deferral", Map.of("defer-booking", List.of("" + booking), "defer-to", List.of("" + later)));
        assertThat(errorSummary(noReason.getBody())).contains("href=\"#defer-reason\"").contains("Reason for deferring is required");
        var deferred = post(session, page, page + "/deferral", Map.of("defer-booking", List.of("" + booking), "defer-to", List.of("" + later),
                "defer-reason", List.of("The viability assessment of the aunt is not finished")));
        assertThat(deferred.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(page(session, "/panel/sittings/" + later).getBody()).contains(child).containsPattern(">\\s*1\\s*</td>\\s*</tr>");

        var blank = post(session, page, page + "/cancellation", Map.of("cancel-reason", List.of("")));
        assertThat(errorSummary(blank.getBody())).contains("href=\"#cancel-reason\"").contains("Reason for cancelling it is required");
        assertThat(post(session, page, page + "/cancellation", Map.of("cancel-reason", List.of("No cases left"))).getStatusCode())
                .isEqualTo(HttpStatus.FOUND);
        assertThat(page(session, page).getBody()).contains("Cancelled because").contains("No cases left").doesNotContain("Book the child");

        var moved = post(session, "/panel/sittings/" + later, "/panel/sittings/" + later + "/rescheduling", Map.of(
                "reschedule-date-day", List.of("20"), "reschedule-date-month", List.of("9"), "reschedule-date-year", List.of("2095"),
                "reschedule-time", List.of("11:00"), "reschedule-reason", List.of("The room is taken")));
        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(page(session, "/panel/sittings/" + later).getBody()).contains("Tuesday 20 September 2095 at 11:00")
                .contains("From Tuesday 13 September 2095: The room is taken");
    }

    @Test
    void aFormSentAfterSomeoneElseChangedTheSittingIsRefusedWithWhoAndWhenAndThePageShowsTheSittingAsItIsNow() {
        clockAt("2095-10-01T10:00");
        var sitting = id(sitting("FOSTERING", "2095-10-18", null, List.of()));
        var session = TasklistSession.signIn(http, ADMINISTRATOR);
        var page = "/panel/sittings/" + sitting;
        var opened = page(session, page).getBody();
        var version = VERSION.matcher(opened);
        assertThat(version.find()).as("each form carries the version of the sitting it was drawn from").isTrue();

        var movedMeanwhile = call("admin", HttpMethod.POST, "/api/panel-sittings/" + sitting + "/rescheduling",
                Map.of("date", "2095-10-25", "time", "14:00", "reason", "The chair asked"));
        assertThat(movedMeanwhile.getStatusCode()).isEqualTo(HttpStatus.OK);

        var stale = post(session, page, page + "/cancellation",
                Map.of("cancel-reason", List.of("Chair unwell"), "version", List.of(version.group(1))));
        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(errorSummary(stale.getBody())).contains("href=\"#cancel\"").contains("was changed by admin at 10:00 on Saturday 1 October 2095")
                .contains("nothing you sent was recorded");
        assertThat(stale.getBody()).as("the page is drawn again from the sitting as it is now")
                .contains("Tuesday 25 October 2095 at 14:00").contains("name=\"version\" value=\"" + (Long.parseLong(version.group(1)) + 1) + "\"");
        assertThat(jdbc.queryForObject("select status from panel_sitting where id = ?", String.class, sitting)).isEqualTo("SCHEDULED");
    }

    @Test
    void onlyPanelAdministratorsAndAdministratorsWriteManagersReadOthersAreTurnedAway() {
        clockAt("2095-06-01T10:00");
        var sitting = id(sitting("FOSTERING", "2095-06-20", null, List.of()));

        var practitioner = page("practitioner", "/panel");
        assertThat(practitioner.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(practitioner.getBody()).contains("These pages are not for your role").contains("govuk-template__body");

        var nobody = http.getForEntity("/panel/sittings/" + sitting, String.class);
        assertThat(nobody.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(nobody.getBody()).contains("Sign in to see the panels")
                .as("a sign-in that comes back to the sitting").contains("href=\"/camunda/app/tasklist/default/?carepath-return=panel/sittings/" + sitting + "\"");

        assertThat(page("service-manager", "/panel/sittings/" + sitting).getStatusCode()).isEqualTo(HttpStatus.OK);
        var manager = TasklistSession.signIn(http, "team-manager");
        var read = page(manager, "/panel/sittings/" + sitting);
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read.getBody()).doesNotContain("Book the child").doesNotContain("Schedule a sitting");
        var write = page(manager, "/panel/sittings/new");
        assertThat(write.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(write.getBody()).contains("You can see the panels but not change them");
        assertThat(page(ADMINISTRATOR, "/panel/sittings/" + sitting).getBody()).doesNotContain("Cancelled because");

        var unknown = page(ADMINISTRATOR, "/panel/sittings/99999999");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody()).contains("Page not found").contains("govuk-template__body");
        assertThat(page(ADMINISTRATOR, "/panel/sittings/not-a-number").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        assertThat(page("practitioner", "/panel/access").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(page(ADMINISTRATOR, "/panel/access").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefusedAndNothingIsStored() {
        clockAt("2095-07-01T10:00");
        var sitting = id(sitting("PERMANENCE", "2095-07-20", null, List.of()));
        var session = TasklistSession.signIn(http, ADMINISTRATOR);
        page(session, "/panel/sittings/" + sitting); // the session has a token, the post does not send it
        var headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, session.cookies());
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        var form = new LinkedMultiValueMap<String, String>();
        form.add("child", newChild());
        form.add("reason", "Permanence plan");
        var refused = http.exchange("/panel/sittings/" + sitting + "/bookings", HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody()).doesNotContain("Whitelabel").doesNotContain("Exception")
                .as("a page in the layout, saying what to do").contains("govuk-template__body").contains("reload the page and try again");
        assertThat(jdbc.queryForObject("select count(*) from panel_booking where sitting_id = ?", Long.class, sitting)).isZero();
    }

    // ------------------------------------------------------------------ helpers

    private long sittings() {
        return jdbc.queryForObject("select count(*) from panel_sitting", Long.class);
    }

    private ResponseEntity<String> page(String user, String path) {
        return page(TasklistSession.signIn(http, user), path);
    }

    private ResponseEntity<String> page(TasklistSession session, String path) {
        var headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, session.cookies());
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    /** Posts a form as the browser does: the CSRF token taken from the page the form is on. */
    private ResponseEntity<String> post(TasklistSession session, String formPage, String action, Map<String, List<String>> fields) {
        var page = page(session, formPage).getBody();
        var token = CSRF.matcher(page);
        assertThat(token.find()).as("the form carries its CSRF token").isTrue();
        var headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, session.cookies());
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        fields.forEach((name, values) -> values.forEach(value -> form.add(name, value)));
        form.add("_csrf", token.group(1));
        return http.withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW)
                .exchange(action, HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    }

    private static String errorSummary(String page) {
        assertThat(page).contains("govuk-error-summary");
        var start = page.indexOf("govuk-error-summary");
        return page.substring(start, page.indexOf("</ul>", start));
    }
}
