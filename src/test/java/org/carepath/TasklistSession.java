package org.carepath;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;

/** Signed in to the Tasklist as its login page does it: a session cookie and Camunda's CSRF token. */
public record TasklistSession(String cookies, String csrfToken) {

    public static TasklistSession signIn(TestRestTemplate http, String user) {
        var page = http.getForEntity("/camunda/app/tasklist/default/", String.class);
        var csrf = page.getHeaders().getFirst("X-XSRF-TOKEN");
        var cookies = String.join("; ", page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream().map(c -> c.split(";", 2)[0]).toList());
        var headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, cookies);
        headers.add("X-XSRF-TOKEN", csrf);
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        var form = new LinkedMultiValueMap<String, String>();
        form.add("username", user);
        form.add("password", "demo");
        var login = http.exchange("/camunda/api/admin/auth/user/default/login/tasklist", HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
        assertThat(login.getStatusCode()).as("signed in to the Tasklist: %s", login.getBody()).isEqualTo(HttpStatus.OK);
        // signing in starts a new session with a new CSRF token, which the Tasklist fetches as it loads
        var session = login.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream().map(c -> c.split(";", 2)[0])
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        var fetch = new HttpHeaders();
        fetch.add(HttpHeaders.COOKIE, session);
        fetch.add("X-XSRF-TOKEN", "Fetch");
        var loaded = http.exchange("/camunda/api/engine/engine/default/task/count", HttpMethod.GET, new HttpEntity<>(fetch), String.class);
        var token = loaded.getHeaders().getFirst("X-XSRF-TOKEN");
        assertThat(token).as("the session's CSRF token").isNotBlank();
        return new TasklistSession(session + "; XSRF-TOKEN=" + token, token);
    }

    /** Headers for a call the Tasklist makes: the session, and the CSRF token unless {@code withCsrfToken} is false. */
    public HttpHeaders headers(boolean withCsrfToken) {
        var headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, cookies);
        if (withCsrfToken) {
            headers.add("X-XSRF-TOKEN", csrfToken);
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }
}
