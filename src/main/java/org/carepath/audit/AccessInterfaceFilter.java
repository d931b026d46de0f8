package org.carepath.audit;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Notes which interface a request came through, for the audit rows it leaves. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccessInterfaceFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        AccessInterface.set(AccessInterface.of(request.getRequestURI().substring(request.getContextPath().length())));
        try {
            chain.doFilter(request, response);
        } finally {
            AccessInterface.clear();
        }
    }
}
