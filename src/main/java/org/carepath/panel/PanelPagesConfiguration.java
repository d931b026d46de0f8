package org.carepath.panel;

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
 * What the panel pages need of the web layer: a strict Content-Security-Policy (everything from the app itself,
 * no inline script or style) and the GOV.UK Design System's fonts and images, which its stylesheet asks for
 * under {@code /assets/}.
 */
@Configuration(proxyBeanMethods = false)
class PanelPagesConfiguration implements WebMvcConfigurer {

    static final String GOVUK_FRONTEND = "classpath:/META-INF/resources/webjars/govuk-frontend/5.14.0/dist/govuk/";

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " font-src 'self'; connect-src 'self'; manifest-src 'self'; form-action 'self'; frame-ancestors 'self';"
            + " base-uri 'none'; object-src 'none'";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**").addResourceLocations(GOVUK_FRONTEND + "assets/");
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> panelPagesContentSecurityPolicy() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                chain.doFilter(request, response);
            }
        });
        registration.setName("CarePath panel pages' Content-Security-Policy");
        registration.addUrlPatterns("/panel", "/panel/*", "/assets/*");
        return registration;
    }
}
