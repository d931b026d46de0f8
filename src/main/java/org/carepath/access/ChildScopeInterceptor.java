package org.carepath.access;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.carepath.audit.Audit;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every endpoint about one child ({@code /api/children/{reference}/...}), now or added later, passes the
 * scope rule before its controller runs, and every read of one leaves its audit row.
 */
@Configuration(proxyBeanMethods = false)
class ChildScopeInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private final ChildAccess access;
    private final Audit audit;

    ChildScopeInterceptor(ChildAccess access, Audit audit) {
        this.access = access;
        this.audit = audit;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/children/*", "/api/children/*/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        @SuppressWarnings("unchecked")
        var variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        var reference = variables == null ? null : variables.get("reference");
        if (reference != null) {
            access.require(reference);
            if ("GET".equals(request.getMethod())) {
                audit.read(reference, subject(request.getRequestURI(), reference));
            }
        }
        return true;
    }

    /** What was read: the child's record, or the part of it a sub-path names ("deadlines"). */
    static String subject(String path, String reference) {
        var rest = path.substring(path.indexOf(reference) + reference.length());
        return rest.isEmpty() || "/".equals(rest) ? "child record" : rest.substring(1).replace('/', ' ');
    }
}
