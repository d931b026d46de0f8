package org.carepath.panel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.carepath.web.InvalidRequestException;

/**
 * What went wrong with a form, for the GOV.UK error summary (each item linking to its field) and the message
 * on each field. The service's own messages are kept; a message that continues the field's name ("is required")
 * is given the field's label first ("Date is required").
 */
public final class PageErrors {

    /** One line of the error summary: where it links to and what it says. */
    public record Item(String href, String text) {
    }

    private final List<Item> summary = new ArrayList<>();
    private final Map<String, List<String>> fields = new LinkedHashMap<>();

    public boolean any() {
        return !summary.isEmpty();
    }

    public List<Item> summary() {
        return summary;
    }

    /** The message shown on the field (its problems joined), or null. */
    public String field(String key) {
        var messages = fields.get(key);
        return messages == null ? null : String.join(". ", messages);
    }

    public boolean has(String key) {
        return fields.containsKey(key);
    }

    /** A problem of the form as a whole (a conflict the service explains): in the summary only. */
    PageErrors general(String href, String text) {
        summary.add(new Item(href, text));
        return this;
    }

    PageErrors field(String key, String href, String label, String message) {
        var text = sentence(label, message);
        summary.add(new Item(href, text));
        fields.computeIfAbsent(key, k -> new ArrayList<>()).add(text);
        return this;
    }

    /**
     * The service's field problems, each field named as the service names it ({@code members[1]}) and placed on the
     * form's field by {@code place}: its key on the page (the list's index dropped), the element it links to, and its label.
     */
    PageErrors from(InvalidRequestException problems, String form, Function<String, Place> place) {
        for (var problem : problems.problems()) {
            var where = place.apply(problem.field());
            field(form + "." + where.key(), "#" + where.elementId(), where.label(), problem.message());
        }
        return this;
    }

    /** Where a field of the service lands on a page. */
    record Place(String key, String elementId, String label) {
    }

    static String sentence(String label, String message) {
        if (message == null || message.isBlank()) {
            return label + " is not right";
        }
        var text = message.strip();
        if (Character.isLowerCase(text.charAt(0))) {
            text = label + " " + text;
        }
        return text;
    }
}
