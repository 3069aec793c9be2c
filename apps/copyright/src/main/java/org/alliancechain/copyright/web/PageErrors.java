package org.alliancechain.copyright.web;

import jakarta.validation.ConstraintViolation;
import java.util.Map;
import java.util.Set;
import org.alliancechain.service.problem.ProblemException;
import org.alliancechain.service.web.FormErrors;

/**
 * This service's pages' refusals ({@link FormErrors}) with the API's field names as the forms name them: a request
 * record's prefix dropped ({@code work.title} → {@code title}) and a list's index ({@code uses[0]} → {@code uses}).
 */
final class PageErrors {

    private PageErrors() {
    }

    /** The refusal of a service step (its problem details). */
    static FormErrors of(String form, ProblemException e) {
        return FormErrors.of(form, e).renamed(PageErrors::formField);
    }

    /** The constraint violations of the API's request record the form was read into. */
    static FormErrors of(String form, Set<? extends ConstraintViolation<?>> violations) {
        return FormErrors.of(form, violations, Map.of(), PageErrors::formField);
    }

    static String formField(String field) {
        if (field == null) {
            return "";
        }
        String f = field.startsWith("work.") ? field.substring(5) : field;
        return f.replaceAll("\\[\\d+]$", "");
    }
}
