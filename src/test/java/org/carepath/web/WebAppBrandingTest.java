package org.carepath.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The council's name and logo put into the Camunda web apps' own configuration, whatever the name holds. */
class WebAppBrandingTest {

    @Test
    void theCouncilsNameIsTheVendorOfEachWebAppAndTheTitlesAndTheSignInPages() throws Exception {
        var filter = new WebAppBranding.Filter("Northshire County Council", null);
        for (var app : new String[] {"tasklist", "cockpit", "admin"}) {
            var config = get(filter, "/camunda/app/" + app + "/scripts/config.js");
            assertThat(config.getContentType()).isEqualTo("text/javascript;charset=UTF-8");
            assertThat(config.getContentAsString()).contains("vendor: 'Northshire County Council'").doesNotContain("vendor: 'CarePath'")
                    .contains("export default {");
        }
        assertThat(get(filter, "/camunda/app/carepath-title.js").getContentAsString())
                .contains("const COUNCIL = 'Northshire County Council';");
        var css = get(filter, "/camunda/app/carepath-council.css");
        assertThat(css.getContentType()).isEqualTo("text/css;charset=UTF-8");
        assertThat(css.getContentAsString()).contains(".login-header .app-name::before { content: \"Northshire County Council \"; }")
                .doesNotContain(".navbar-brand");
    }

    @Test
    void aNameThatLooksLikeCodeStaysText() throws Exception {
        var filter = new WebAppBranding.Filter("O'Brien\\'; alert(1); </script> \"}", null);
        var config = get(filter, "/camunda/app/tasklist/scripts/config.js").getContentAsString();
        assertThat(config).contains("vendor: 'O\\u0027Brien\\u005c\\u0027\\u003b alert\\u00281\\u0029\\u003b \\u003c\\u002fscript\\u003e \\u0022\\u007d'")
                .doesNotContain("alert(1)");
        var css = get(filter, "/camunda/app/carepath-council.css").getContentAsString();
        assertThat(css).contains("content: \"O\\000027Brien\\00005c\\000027\\00003b alert\\0000281\\000029")
                .doesNotContain("alert(1)").doesNotContain("}\"");
    }

    @Test
    void aLogoIsShownInTheHeaderAndOnTheSignInPageAndMustBeAPathOfTheApp() throws Exception {
        var filter = new WebAppBranding.Filter("Northshire County Council", "/carepath/assets/northshire-logo.svg");
        assertThat(get(filter, "/camunda/app/carepath-council.css").getContentAsString())
                .contains(".navbar-brand { background: url(\"/carepath/assets/northshire-logo.svg\")")
                .contains(".login-header .login-logo { display: block; background: url(\"/carepath/assets/northshire-logo.svg\")");
        for (var logo : new String[] {"https://elsewhere.example/logo.svg", "/logo.svg\") ; } body { display: none", "logo.svg", "//elsewhere/logo"}) {
            assertThatThrownBy(() -> new WebAppBranding.Filter("Northshire", logo)).as(logo)
                    .hasMessageContaining("carepath.council.logo").hasMessageContaining("must be a path the app serves");
        }
    }

    @Test
    void withCarePathsOwnNameTheFilesAreServedAsTheyAre() throws Exception {
        var filter = new WebAppBranding.Filter(null, null);
        var request = new MockHttpServletRequest("GET", "/camunda/app/tasklist/scripts/config.js");
        var chain = new MockFilterChain();
        filter.doFilter(request, new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).as("passed on to the web app's static files").isNotNull();
        assertThat(get(filter, "/camunda/app/carepath-council.css").getContentAsString()).contains("content: \"CarePath \"");
    }

    private static MockHttpServletResponse get(WebAppBranding.Filter filter, String path) throws Exception {
        var request = new MockHttpServletRequest("GET", path);
        var response = new MockHttpServletResponse();
        var chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        assertThat(chain.getRequest()).as("%s answered by the filter", path).isNull();
        assertThat(response.getStatus()).isEqualTo(200);
        return response;
    }
}
