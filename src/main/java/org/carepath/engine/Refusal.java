package org.carepath.engine;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.core.Response.Status;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;

/**
 * A signed-in user's command refused by CarePath. It is the engine REST API's own exception type, so
 * each of its resources keeps the status when it wraps what a command throws (a plain engine exception
 * would become 500), in {@code /engine-rest} and in the webapps' API alike; {@code /engine-rest} answers
 * it as problem details (see {@code EngineProblems}).
 *
 * @param errors each refused field with why, as in CarePath's own API
 */
public class Refusal extends InvalidRequestException {

    public record FieldError(String field, String message) {
    }

    private static final String PROBLEMS = "https://carepath.example/problems/";

    private final URI type;
    private final String title;
    private final List<FieldError> errors;

    public Refusal(Status status, String problem, String title, String detail, List<FieldError> errors) {
        super(status, detail);
        this.type = URI.create(PROBLEMS + problem);
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /** As for something that does not exist, so that nothing says a hidden task or journey is there. */
    public static Refusal notFound(String detail) {
        return new Refusal(Status.NOT_FOUND, "not-found", "Not found", detail, List.of());
    }

    public static Refusal noSuchTask(String taskId) {
        return notFound("No task " + taskId);
    }

    public static Refusal forbidden(String detail) {
        return new Refusal(Status.FORBIDDEN, "forbidden", "Not allowed", detail, List.of());
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
