package org.carepath.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The sign-in comes back to the page asked for, and only ever to a page of CarePath's own. */
class SignInTest {

    @Test
    void itComesBackToThePageAskedFor() {
        assertThat(SignIn.andBackTo(get("/tracker"))).isEqualTo("camunda/app/tasklist/default/?carepath-return=tracker");
        assertThat(SignIn.andBackTo(get("/tracker/children/C-000292"))).endsWith("?carepath-return=tracker/children/C-000292");
        assertThat(SignIn.andBackTo(get("/tracker/escalations"))).endsWith("?carepath-return=tracker/escalations");
        assertThat(SignIn.andBackTo(get("/manager"))).endsWith("?carepath-return=manager");
        assertThat(SignIn.andBackTo(get("/panel/sittings/17"))).endsWith("?carepath-return=panel/sittings/17");
        var form = new MockHttpServletRequest("POST", "/panel/sittings/17/cancellation");
        assertThat(SignIn.andBackTo(form)).as("a form sent: back to the start of its pages").endsWith("?carepath-return=panel");
    }

    @Test
    void anythingButAPageOfTheseComesBackToTheTracker() {
        for (var path : new String[] {"/tracker/children/%2F%2Fevil.example", "/tracker//evil.example", "/tracker/children/a:b",
                "/engine-rest/task", "/tracker/a/b/c/d/e", "/tracker/" + "x".repeat(65), "/tracker/children/C 1"}) {
            assertThat(SignIn.andBackTo(get(path))).as(path).isEqualTo("camunda/app/tasklist/default/?carepath-return=tracker");
        }
    }

    @Test
    void theRedirectIsAPathOfTheAppItself() {
        var request = get("/carepath/tracker/escalations");
        request.setContextPath("/carepath");
        var response = new MockHttpServletResponse();
        SignIn.redirect(request, response);
        assertThat(response.getStatus()).isEqualTo(303);
        assertThat(response.getHeader("Location")).isEqualTo("/carepath/camunda/app/tasklist/default/?carepath-return=tracker/escalations");
    }

    private static MockHttpServletRequest get(String uri) {
        return new MockHttpServletRequest("GET", uri);
    }
}
