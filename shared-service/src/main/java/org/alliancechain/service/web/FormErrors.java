package org.alliancechain.service.web;

import jakarta.validation.ConstraintViolation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.alliancechain.service.problem.ProblemException;

/**
 * A refused form of a page: which form ({@code form}, e.g. "issue", "grant" or "limits-3" for a form
 * of one row of a list), the refusal as the API words it, its status, and the API's message for each
 * field it names (keyed as the API names them: {@code buyerTaxId}, {@code lines[0].quantity}) — for
 * the page to show next to those fields. A page reads its form into the API's request record, so one
 * validation and one wording serve both.
 */
public record FormErrors(String form, String message, int status, Map<String, String> fields) {

    public static final FormErrors NONE = new FormErrors("", null, 200, Map.of());

    /** The refusal of a service step (its problem details). */
    public static FormErrors of(String form, ProblemException e) {
        var fields = new LinkedHashMap<String, String>();
        e.violations().forEach(v -> fields.merge(v.field(), v.message(), (a, b) -> a + "; " + b));
        return new FormErrors(form, e.getMessage(), e.status().getStatusCode(), fields);
    }

    /** The constraint violations of the API's request record the form was read into. */
    public static FormErrors of(String form, Set<? extends ConstraintViolation<?>> violations) {
        return of(form, violations, Map.of());
    }

    /** The constraint violations of the API's request record for the form, and fields the form could not even read. */
    public static FormErrors of(String form, Set<? extends ConstraintViolation<?>> violations, Map<String, String> unreadable) {
        return of(form, violations, unreadable, UnaryOperator.identity());
    }

    /**
     * {@link #of(String, Set, Map)} with each violated property named as the form names it ({@code fieldName}: e.g. the
     * request record's {@code work.title} as the form's {@code title}), the summary included.
     */
    public static FormErrors of(String form, Set<? extends ConstraintViolation<?>> violations, Map<String, String> unreadable,
                                UnaryOperator<String> fieldName) {
        var fields = new LinkedHashMap<String, String>(unreadable);
        violations.forEach(v -> fields.merge(fieldName.apply(v.getPropertyPath().toString().replaceAll("\\.<[^>]+>", "")),
                v.getMessage(), (a, b) -> a + "; " + b));
        return new FormErrors(form, summary(fields), 400, fields);
    }

    private static String summary(Map<String, String> fields) {
        return fields.entrySet().stream().map(f -> f.getKey() + ": " + f.getValue()).sorted().reduce((a, b) -> a + "; " + b).orElse("");
    }

    public boolean any() {
        return message != null;
    }

    /** Whether the refusal concerns the form {@code name}. */
    public boolean on(String name) {
        return message != null && form.equals(name);
    }

    /** The message for a field of the form {@code name}, or null. */
    public String at(String name, String field) {
        return form.equals(name) ? fields.get(field) : null;
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

    /** Whether the refusal concerns one of the forms of row {@code id} (whatever their kind). */
    public boolean concerns(long id) {
        return message != null && form.endsWith("-" + id);
    }

    /** The message for a field of item {@code index} of a list field ({@code list[index].field}), whatever the form, or null. */
    public String item(String list, int index, String field) {
        return fields.get(list + "[" + index + "]." + field);
    }

    /** {@link #item} of the form {@code name} only. */
    public String itemAt(String name, String list, int index, String field) {
        return form.equals(name) ? item(list, index, field) : null;
    }

    /** The same refusal with each field renamed by {@code rename} (a field it maps to null keeps its name). */
    public FormErrors renamed(UnaryOperator<String> rename) {
        var renamed = new LinkedHashMap<String, String>();
        fields.forEach((field, text) -> {
            String to = rename.apply(field);
            renamed.merge(to == null ? field : to, text, (a, b) -> a + "; " + b);
        });
        return new FormErrors(form, message, status, renamed);
    }
}
