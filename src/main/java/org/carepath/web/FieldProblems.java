package org.carepath.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Validator;
import org.carepath.web.InvalidRequestException.FieldProblem;

/**
 * The problems found in a request so far, every bad field at once: first what Bean Validation finds on the
 * request alone, then what the checks against the record add. A field already found bad is not read again.
 */
public final class FieldProblems {

    private final List<FieldProblem> found = new ArrayList<>();
    private final Set<String> fields = new HashSet<>();

    public FieldProblems(List<FieldProblem> initial) {
        addAll(initial);
    }

    /** Bean Validation's findings on the request, each named by its JSON path ({@code directions[0].owner}). */
    public static FieldProblems of(Validator validator, Object input) {
        return new FieldProblems(validator.validate(input).stream()
                .map(v -> new FieldProblem(v.getPropertyPath().toString().replace(".<list element>", ""), v.getMessage())).toList());
    }

    public void add(String field, String message) {
        found.add(new FieldProblem(field, message));
        fields.add(field);
    }

    public void addAll(List<FieldProblem> problems) {
        problems.forEach(p -> add(p.field(), p.message()));
    }

    public boolean fine(String field) {
        return !fields.contains(field);
    }

    /** Answers the request with every problem found (400), before anything is written. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidRequestException(found);
        }
    }
}
