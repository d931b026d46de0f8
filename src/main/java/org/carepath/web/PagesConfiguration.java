package org.carepath.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What every server-rendered page (the manager's, the tracker's, the panel administrator's) needs of the web layer:
 * the GOV.UK Design System's fonts and images, which its stylesheet asks for under {@code /assets/}, and one strict
 * Content-Security-Policy: everything from the app itself, no inline script or style, nothing from elsewhere.
 * Images may also be data: addresses, for the bpmn.io mark bpmn-js draws in each diagram (its licence asks that the
 * mark stays visible).
 */
@Configuration(proxyBeanMethods = false)
class PagesConfiguration implements WebMvcConfigurer {

    static final String GOVUK_FRONTEND = "classpath:/META-INF/resources/webjars/govuk-frontend/5.14.0/dist/govuk/";

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " font-src 'self'; connect-src 'self'; manifest-src 'self'; form-action 'self'; frame-ancestors 'self';"
            + " base-uri 'none'; object-src 'none'";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**").addResourceLocations(GOVUK_FRONTEND + "assets/");
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> pagesContentSecurityPolicy() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                chain.doFilter(request, response);
            }
        });
        registration.setName("CarePath pages' Content-Security-Policy");
        registration.addUrlPatterns("/manager", "/manager/*", "/tracker", "/tracker/*", "/panel", "/panel/*",
                "/carepath/assets/*", "/assets/*");
        return registration;
    }
}
