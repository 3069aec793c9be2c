package org.alliancechain.copyright.web;

import jakarta.validation.ConstraintViolation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.alliancechain.service.problem.ProblemException;

/**
 * A refused form of a page: which form ({@code text}, {@code file}, {@code grant}, {@code check} …),
 * the refusal as the API words it, and its message for each field it names (as the API names them:
 * {@code title}, {@code work.text}, {@code validUntil}) — shown next to those fields.
 */
public record FormErrors(String form, String message, int status, Map<String, String> fields) {

    public static final FormErrors NONE = new FormErrors("", null, 200, Map.of());

    /** The refusal of a service step (its problem details). */
    public static FormErrors of(String form, ProblemException e) {
        var fields = new LinkedHashMap<String, String>();
        e.violations().forEach(v -> fields.merge(strip(v.field()), v.message(), (a, b) -> a + "; " + b));
        return new FormErrors(form, e.getMessage(), e.status().getStatusCode(), fields);
    }

    /** The constraint violations of the API's request record the form was read into. */
    public static FormErrors of(String form, Set<? extends ConstraintViolation<?>> violations) {
        var fields = new LinkedHashMap<String, String>();
        violations.forEach(v -> fields.merge(strip(v.getPropertyPath().toString().replaceAll("\\.<[^>]+>", "")), v.getMessage(),
                (a, b) -> a + "; " + b));
        String summary = fields.entrySet().stream().map(f -> f.getKey() + ": " + f.getValue()).sorted().reduce((a, b) -> a + "; " + b)
                .orElse("");
        return new FormErrors(form, summary, 400, fields);
    }

    /** A field named by the API with the request's prefix ({@code work.title}, {@code uses[0]}) as the form names it ({@code title}, {@code uses}). */
    private static String strip(String field) {
        if (field == null) {
            return "";
        }
        String f = field.startsWith("work.") ? field.substring(5) : field;
        return f.replaceAll("\\[\\d+]$", "");
    }

    /** Whether the refusal concerns the form {@code name}. */
    public boolean on(String name) {
        return message != null && form.equals(name);
    }

    /** The message for a field of the form {@code name}, or null. */
    public String at(String name, String field) {
        return form.equals(name) ? fields.get(field) : null;
    }
}
