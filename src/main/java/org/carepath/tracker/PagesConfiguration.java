package org.carepath.tracker;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The manager's pages take everything from the app itself: no inline script or style, nothing from elsewhere.
 * Images may also be data: addresses, for the bpmn.io mark bpmn-js draws in each diagram (its licence asks that
 * the mark stays visible).
 */
@Configuration(proxyBeanMethods = false)
class PagesConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " font-src 'self'; connect-src 'self'; manifest-src 'self'; form-action 'self'; frame-ancestors 'self';"
            + " base-uri 'none'; object-src 'none'";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> managerPagesContentSecurityPolicy() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                chain.doFilter(request, response);
            }
        });
        registration.setName("CarePath manager pages' Content-Security-Policy");
        registration.addUrlPatterns("/manager", "/manager/*", "/tracker", "/tracker/*", "/carepath/assets/*");
        return registration;
    }
}
