package org.alliancechain.einvoice.web;

import jakarta.validation.ConstraintViolation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.alliancechain.service.problem.ProblemException;

/**
 * A refused form: which form ({@code form}, e.g. "authorise" or "limits-3"), the refusal as a whole,
 * and the API's message for each field it names (keyed as the API names them: {@code buyerTaxId},
 * {@code lines[0].quantity}) — shown next to those fields.
 */
public record FormErrors(String form, String message, int status, Map<String, String> fields) {

    public static final FormErrors NONE = new FormErrors("", null, 200, Map.of());

    /** The refusal of a service step. */
    public static FormErrors of(String form, ProblemException e) {
        var fields = new LinkedHashMap<String, String>();
        e.violations().forEach(v -> fields.merge(v.field(), v.message(), (a, b) -> a + "; " + b));
        return new FormErrors(form, e.getMessage(), e.status().getStatusCode(), fields);
    }

    /** The constraint violations of the API's request record for the form, and fields the form could not even read. */
    public static FormErrors of(String form, Set<? extends ConstraintViolation<?>> violations, Map<String, String> unreadable) {
        var fields = new LinkedHashMap<String, String>(unreadable);
        violations.forEach(v -> fields.merge(v.getPropertyPath().toString().replaceAll("\\.<[^>]+>", ""), v.getMessage(),
                (a, b) -> a + "; " + b));
        String summary = fields.entrySet().stream().map(f -> f.getKey() + ": " + f.getValue()).sorted()
                .reduce((a, b) -> a + "; " + b).orElse("");
        return new FormErrors(form, summary, 400, fields);
    }

    public boolean any() {
        return message != null;
    }

    /** Whether the refusal concerns the form named {@code name}. */
    public boolean on(String name) {
        return message != null && form.equals(name);
    }

    /** The message for a field of form {@code name}, or null. */
    public String at(String name, String field) {
        return form.equals(name) ? fields.get(field) : null;
    }

    /** The message for a field of the form {@code kind}-{@code issuerId} (a form of one issuer's row), or null. */
    public String atIssuer(String kind, long issuerId, String field) {
        return at(kind + "-" + issuerId, field);
    }

    /** Whether the refusal concerns one of the forms of the issuer {@code issuerId}. */
    public boolean concerns(long issuerId) {
        return message != null && form.endsWith("-" + issuerId);
    }

    /** The message for a field of line {@code index} of the issue form ({@code lines[index].field}), or null. */
    public String line(int index, String field) {
        return fields.get("lines[" + index + "]." + field);
    }

    /** The message for a field (whatever the form), or null. */
    public String field(String field) {
        return fields.get(field);
    }

    /** The message for a field of the form {@code kind}-{@code id} (a form of one row of a list, e.g. "refuse-7"), or null. */
    public String atRow(String kind, long id, String field) {
        return at(kind + "-" + id, field);
    }

    /** Whether the refusal concerns the form {@code kind}-{@code id}. */
    public boolean onRow(String kind, long id) {
        return on(kind + "-" + id);
    }

    /** The message for a field of blue line {@code blueLine} of the red-letter form ({@code lines[blueLine].field}), or null. */
    public String redLine(int blueLine, String field) {
        return at(RED_LETTER, "lines[" + blueLine + "]." + field);
    }

    /** The form name of the red-letter panel on the invoice page. */
    static final String RED_LETTER = "red-letter";

    /** The same refusal with each field renamed by {@code rename} (a field it maps to null keeps its name). */
    FormErrors renamed(java.util.function.UnaryOperator<String> rename) {
        var renamed = new LinkedHashMap<String, String>();
        fields.forEach((field, text) -> {
            String to = rename.apply(field);
            renamed.merge(to == null ? field : to, text, (a, b) -> a + "; " + b);
        });
        return new FormErrors(form, message, status, renamed);
    }
}
