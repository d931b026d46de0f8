package org.carepath.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import javax.sql.DataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Camunda's REST API and the Tasklist's answer an engine call that could not get a connection themselves, as a 500
 * naming the exception ({@code {"type":"CannotCreateTransactionException",...}}), before the filter could see the
 * failure: the filter must still answer 503 with problem details, and leave every other answer as it was.
 */
class DatabaseUnavailableTest {

    private final DataSource unreachable = new DatabaseUnavailable.Reporting(pool(
            new SQLTransientConnectionException("carepath-embedded - Connection is not available, request timed out after 5000ms.")));

    @Test
    void aDataSourceDerivedFromTheReportingOneTakesThePoolsSettings() {
        // what Spring Boot does for Flyway when the schema has an owner of its own (spring.flyway.user)
        var pool = new com.zaxxer.hikari.HikariDataSource();
        pool.setJdbcUrl("jdbc:postgresql://db.example:5432/carepath");
        pool.setUsername("carepath_app");
        var derived = org.springframework.boot.jdbc.DataSourceBuilder.derivedFrom(new DatabaseUnavailable.Reporting(pool))
                .type(org.springframework.jdbc.datasource.SimpleDriverDataSource.class).username("carepath_owner").build();
        assertThat(derived.getUrl()).isEqualTo("jdbc:postgresql://db.example:5432/carepath");
        assertThat(derived.getUsername()).isEqualTo("carepath_owner");
    }

    @Test
    void aFiveHundredAnsweredAfterNoConnectionCouldBeHadIsAnswered503WithProblemDetails() throws Exception {
        var response = filter("/camunda/api/engine/engine/default/task", (request, answer) -> {
            try (var connection = unreachable.getConnection()) {
                throw new AssertionError("no connection expected");
            } catch (SQLException e) {
                // as Camunda's ExceptionHandler answers what the engine threw
                answer.setContentType("application/json");
                ((HttpServletResponse) answer).setStatus(500);
                answer.getWriter().write("{\"type\":\"CannotCreateTransactionException\",\"message\":\"Could not open JPA EntityManager for transaction\",\"code\":null}");
                answer.flushBuffer();
            }
        });

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo(DatabaseUnavailable.RETRY_AFTER_SECONDS);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"status\":503").contains("cannot reach its database")
                .doesNotContain("Exception");
    }

    @Test
    void aFiveHundredWithTheDatabaseReachableIsLeftAsItWas() throws Exception {
        var body = "{\"type\":\"ProcessEngineException\",\"message\":\"Something else\",\"code\":0}";
        var response = filter("/engine-rest/task", (request, answer) -> {
            ((HttpServletResponse) answer).setStatus(500);
            answer.setContentType("application/json");
            answer.getOutputStream().write(body.getBytes());
            answer.flushBuffer();
        });

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentType()).isEqualTo("application/json");
        assertThat(response.getContentAsString()).isEqualTo(body);
    }

    @Test
    void anAnswerOtherThanFiveHundredGoesStraightThroughEvenWithTheDatabaseOutOfReach() throws Exception {
        var response = filter("/actuator/health", (request, answer) -> {
            try (var connection = unreachable.getConnection()) {
                throw new AssertionError("no connection expected");
            } catch (SQLException e) {
                ((HttpServletResponse) answer).setStatus(503);
                answer.getWriter().write("{\"status\":\"DOWN\"}");
                answer.flushBuffer();
                assertThat(answer.isCommitted()).as("not held back").isTrue();
            }
        });

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString()).isEqualTo("{\"status\":\"DOWN\"}");
    }

    @Test
    void aFailureThatIsNotTheDatabaseMarksNothing() throws Exception {
        var broken = new DatabaseUnavailable.Reporting(pool(new SQLException("syntax error", "42601")));
        var response = filter("/engine-rest/task", (request, answer) -> {
            try (var connection = broken.getConnection()) {
                throw new AssertionError("no connection expected");
            } catch (SQLException e) {
                ((HttpServletResponse) answer).setStatus(500);
                answer.getWriter().write("{\"type\":\"SQLException\"}");
            }
        });

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentAsString()).isEqualTo("{\"type\":\"SQLException\"}");
    }

    private static MockHttpServletResponse filter(String path, FilterChain chain) throws Exception {
        var request = new MockHttpServletRequest("GET", path);
        var response = new MockHttpServletResponse();
        new DatabaseUnavailable.Filter().doFilter(request, response, chain);
        return response;
    }

    private static DataSource pool(SQLException failure) {
        var pool = Mockito.mock(DataSource.class);
        try {
            Mockito.when(pool.getConnection()).thenThrow(failure);
        } catch (SQLException | RuntimeException e) {
            throw new IllegalStateException(e);
        }
        return pool;
    }
}
