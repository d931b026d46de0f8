package org.carepath.web;

import java.net.URI;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import org.carepath.timescale.UnknownTimescaleException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns errors into problem details. Field problems are listed under {@code errors}, each with the
 * {@code field} (a JSON path such as {@code child.dateOfBirth}) and a {@code message}.
 */
@RestControllerAdvice(basePackages = "org.carepath")
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    static final URI INVALID_REQUEST = URI.create("https://carepath.example/problems/invalid-request");
    static final URI NOT_FOUND = URI.create("https://carepath.example/problems/not-found");
    static final URI CONFLICT = URI.create("https://carepath.example/problems/conflict");

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e) {
        return invalidRequest(e.problems());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setType(NOT_FOUND);
        problem.setTitle("Not found");
        return problem;
    }

    @ExceptionHandler(UnknownTimescaleException.class)
    ProblemDetail unknownTimescale(UnknownTimescaleException e) {
        return notFound(new NotFoundException(e.getMessage()));
    }

    /** A date beyond what the calendar can count (a year past 999999999): the last line behind the checks of each field. */
    @ExceptionHandler({DateTimeException.class, ArithmeticException.class})
    ProblemDetail outOfRange(RuntimeException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "A date or number in the request is out of range");
        problem.setType(INVALID_REQUEST);
        problem.setTitle("Invalid request");
        return problem;
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setType(CONFLICT);
        problem.setTitle("Conflict");
        return problem;
    }

    /**
     * The database's unique indexes that stand behind a check made in code, and what their violation means:
     * two requests at once both passed the check, and the second to commit is refused, as if it had come after.
     */
    static final Map<String, String> UNIQUE_BEHIND_A_CHECK = Map.of(
            "period_in_care_one_open", "The child is looked after already: another request opened a period in care at the same time",
            "placement_one_current", "The child's placement changed: another request recorded a placement at the same time;"
                    + " read the periods in care again",
            "panel_member_user", "That user was linked to another panel member at the same time: read the central list again");

    /**
     * Two requests at once (also found wrapped, e.g. by the process engine: handlers match causes too). Any other
     * integrity violation is a fault of CarePath's, not the user's, and stays one.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrityViolation(DataIntegrityViolationException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            var constraint = t instanceof org.hibernate.exception.ConstraintViolationException violation ? violation.getConstraintName() : null;
            for (var known : UNIQUE_BEHIND_A_CHECK.entrySet()) {
                if (known.getKey().equals(constraint) || String.valueOf(t.getMessage()).contains("\"" + known.getKey() + "\"")) {
                    return conflict(new ConflictException(known.getValue()));
                }
            }
        }
        throw e;
    }

    /**
     * Two requests changed the same thing at once (the process engine's optimistic locking: e.g. both ended one
     * placement, and both told its journey), or PostgreSQL aborted one of two that deadlocked: the second is refused
     * whole and may be tried again.
     */
    @ExceptionHandler({org.camunda.bpm.engine.OptimisticLockingException.class,
            org.springframework.dao.ConcurrencyFailureException.class})
    ProblemDetail concurrentChange(RuntimeException e) {
        // the service's transaction is rolled back whole by now: ConflictRetry tries the request again before answering this
        ConflictRetry.mayRetry();
        return conflict(new ConflictException("Another request changed this at the same time: read it again, and try again"
                + " if it is still to be done"));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException e) {
        return invalidRequest(e.getConstraintViolations().stream()
                .map(v -> new InvalidRequestException.FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return invalidRequest(List.of(new InvalidRequestException.FieldProblem(e.getName(),
                "'" + e.getValue() + "' is not a valid " + describe(e.getRequiredType()))));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(@NonNull MethodArgumentNotValidException e,
            @NonNull HttpHeaders headers, @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        var problems = new ArrayList<InvalidRequestException.FieldProblem>();
        e.getBindingResult().getFieldErrors().forEach(error ->
                problems.add(new InvalidRequestException.FieldProblem(error.getField(), error.getDefaultMessage())));
        e.getBindingResult().getGlobalErrors().forEach(error ->
                problems.add(new InvalidRequestException.FieldProblem(error.getObjectName(), error.getDefaultMessage())));
        return ResponseEntity.badRequest().body(invalidRequest(problems));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(@NonNull HandlerMethodValidationException e,
            @NonNull HttpHeaders headers, @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        var problems = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new InvalidRequestException.FieldProblem(
                        result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(invalidRequest(problems));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(@NonNull MissingServletRequestParameterException e,
            @NonNull HttpHeaders headers, @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        return ResponseEntity.badRequest().body(invalidRequest(List.of(
                new InvalidRequestException.FieldProblem(e.getParameterName(), "is required"))));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(@NonNull HttpMessageNotReadableException e,
            @NonNull HttpHeaders headers, @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        var cause = e.getMostSpecificCause();
        // before the mapping error that wraps it when nested (it would name only the enclosing field)
        if (cause instanceof JsonParseException parse && parse.getOriginalMessage() != null
                && parse.getOriginalMessage().startsWith("Duplicate field '")) {
            var problem = invalidRequest(List.of(new InvalidRequestException.FieldProblem(duplicateField(parse), "is given more than once")));
            problem.setDetail("The body is not valid JSON: " + parse.getOriginalMessage());
            return ResponseEntity.badRequest().body(problem);
        }
        JsonMappingException mapping = null;
        for (Throwable t = e; t != null && mapping == null; t = t.getCause()) {
            if (t instanceof JsonMappingException found && !found.getPath().isEmpty()) {
                mapping = found;
            }
        }
        if (mapping != null) {
            var field = mapping.getPath().stream()
                    .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return ResponseEntity.badRequest().body(invalidRequest(List.of(new InvalidRequestException.FieldProblem(field, explain(mapping)))));
        }
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                cause instanceof JsonProcessingException json ? "The body is not valid JSON: " + json.getOriginalMessage()
                        : "The request body is missing or unreadable");
        problem.setType(INVALID_REQUEST);
        problem.setTitle("Invalid request");
        return ResponseEntity.badRequest().body(problem);
    }

    /** The JSON path of the field named twice, from where the parser stopped (e.g. {@code parentalConsent.givenBy}). */
    private static String duplicateField(JsonParseException e) {
        var message = e.getOriginalMessage();
        var named = message.substring("Duplicate field '".length(), Math.max("Duplicate field '".length(), message.indexOf('\'', "Duplicate field '".length())));
        var path = new ArrayList<String>();
        for (var context = e.getProcessor() == null ? null : e.getProcessor().getParsingContext();
             context != null && !context.inRoot(); context = context.getParent()) {
            path.add(0, context.inArray() ? "[" + context.getCurrentIndex() + "]" : String.valueOf(context.getCurrentName()));
        }
        var field = String.join(".", path).replace(".[", "[");
        return field.endsWith(named) ? field : named;
    }

    private static String explain(JsonMappingException e) {
        if (e instanceof InvalidFormatException format && format.getTargetType() == String.class) {
            return format.getOriginalMessage();
        }
        if (e instanceof InvalidFormatException format) {
            return "'" + format.getValue() + "' is not a valid " + describe(format.getTargetType());
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + describe(mismatch.getTargetType());
        }
        return "cannot be read";
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type.isEnum()) {
            return "value: one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        }
        return switch (type.getSimpleName()) {
            case "OffsetDateTime", "Instant", "ZonedDateTime" -> "date-time (ISO 8601 with an offset, e.g. 2026-04-02T10:15:00+01:00)";
            case "LocalDate" -> "date (ISO 8601, e.g. 2026-04-02)";
            default -> type.getSimpleName();
        };
    }

    private static ProblemDetail invalidRequest(List<InvalidRequestException.FieldProblem> problems) {
        var sorted = problems.stream().sorted(Comparator.comparing(InvalidRequestException.FieldProblem::field)).toList();
        var fields = sorted.stream().map(InvalidRequestException.FieldProblem::field).distinct().toList();
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                (fields.size() == 1 ? "1 field is invalid: " : fields.size() + " fields are invalid: ") + String.join(", ", fields));
        problem.setType(INVALID_REQUEST);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", sorted);
        return problem;
    }

    private static String lastNode(String path) {
        var parts = path.split("\\.", 2);
        return parts.length == 2 ? parts[1] : path;
    }
}
