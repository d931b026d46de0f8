package org.carepath.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** Problem details written by servlet filters, which answer before Spring MVC (and its advice) is reached. */
final class ProblemWriter {

    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

    private ProblemWriter() {
    }

    static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        write(request, response, problem(request, status, title, detail));
    }

    static void invalid(HttpServletRequest request, HttpServletResponse response, String field, String message) throws IOException {
        var problem = problem(request, HttpStatus.BAD_REQUEST, "Invalid request", "1 field is invalid: " + field);
        problem.setType(ProblemDetailsAdvice.INVALID_REQUEST);
        problem.setProperty("errors", List.of(new InvalidRequestException.FieldProblem(field, message)));
        write(request, response, problem);
    }

    private static ProblemDetail problem(HttpServletRequest request, HttpStatus status, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        try {
            problem.setInstance(URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException e) {
            // a path too odd to repeat
        }
        return problem;
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
