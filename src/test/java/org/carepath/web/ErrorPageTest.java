package org.carepath.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.carepath.CarePathTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** A page that is not there looks like the rest of CarePath: the council's header and CarePath's own styles. */
@CarePathTest
class ErrorPageTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void aPageNotFoundHasTheCouncilsHeaderAndStyles() {
        var headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        var page = http.exchange("/tracker/no-such-page/at-all", HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(page.getBody()).contains("<title>Page not found – CarePath</title>")
                .contains("class=\"carepath-header__brand\"").contains("<span>CarePath</span>")
                .contains("/carepath/assets/carepath.css").doesNotContain("/panel/assets/panel.css")
                .contains("If you typed the web address, check it is correct.");
    }
}
