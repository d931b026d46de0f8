package org.carepath.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Before any password is checked: notes the client's address for {@link SignInThrottle}, and answers
 * 429 with {@code Retry-After} while the throttle refuses the user (HTTP Basic, the web apps' login
 * form) or the address. Checks it cannot see coming ({@code identity/verify} names the user in its
 * body) are refused inside the engine instead ({@link ThrottledIdentityProvider}).
 */
class SignInThrottleFilter extends OncePerRequestFilter {

    private static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]*/?");

    private final SignInThrottle throttle;
    private final ProblemResponses problems = new ProblemResponses();

    SignInThrottleFilter(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var address = request.getRemoteAddr();
        var user = signingInAs(request);
        if (user != null) {
            var wait = throttle.refusal(user, address);
            if (wait.isPresent()) {
                throttle.refused(user, address, wait.get());
                problems.tooManyAttempts(request, response, wait.get());
                return;
            }
        }
        SignInThrottle.CLIENT_ADDRESS.set(address);
        try {
            chain.doFilter(request, response);
        } finally {
            SignInThrottle.CLIENT_ADDRESS.remove();
        }
    }

    /** The user this request gives a password for, or null when it gives none. */
    private static String signingInAs(HttpServletRequest request) {
        var authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                var decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? decoded : decoded.substring(0, colon);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        if ("POST".equals(request.getMethod())
                && WEBAPP_LOGIN.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches()) {
            var user = request.getParameter("username");
            return user == null ? "" : user;
        }
        return null;
    }
}
