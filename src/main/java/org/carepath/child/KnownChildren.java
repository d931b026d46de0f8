package org.carepath.child;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * On every {@code /api/children/{reference}/...} endpoint, a reference no child has is 404 before
 * anything else sees it: the access check and the audit trail only ever meet real children (a
 * 2,000-character reference could not even be written to the audit).
 */
@Configuration(proxyBeanMethods = false)
class KnownChildren implements WebMvcConfigurer, HandlerInterceptor {

    private final Children children;

    KnownChildren(Children children) {
        this.children = children;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/children/*", "/api/children/*/**").order(Ordered.HIGHEST_PRECEDENCE);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        @SuppressWarnings("unchecked")
        var variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        var reference = variables == null ? null : variables.get("reference");
        if (reference != null && !children.exists(reference)) {
            throw new ChildNotFoundException(reference);
        }
        return true;
    }
}
