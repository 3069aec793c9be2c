package org.alliancechain.service.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.alliancechain.service.problem.ProblemException;

/**
 * Form helpers for every app's pages: a form is checked against the API's request record (one set of
 * limits for the API and the pages), refusals name each field by its label (Chinese and English,
 * given by the app), and form dates and times are read in the members' time zone.
 */
@ApplicationScoped
public class PageForms {

    /** Where the suite's members keep their books: form dates and times are local to it. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Validator validator;

    PageForms(Validator validator) {
        this.validator = validator;
    }

    /** The form's request record, valid; 400 naming each invalid field by {@code labels} otherwise. */
    public <T> T requireValid(T request, Function<String, String> labels) {
        refuse(validator.validate(request), labels);
        return request;
    }

    /** One field of a form checked against the constraint the API's request record puts on it. */
    public <T> void requireValid(Class<T> type, String field, Object value, Function<String, String> labels) {
        refuse(validator.validateValue(type, field, value), labels);
    }

    private static void refuse(Set<? extends ConstraintViolation<?>> violations, Function<String, String> labels) {
        if (!violations.isEmpty()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, violations.stream()
                    .map(v -> labels.apply(v.getPropertyPath().toString()) + " " + v.getMessage()).sorted()
                    .collect(Collectors.joining("; ")));
        }
    }

    /** A form date (yyyy-mm-dd) as the end of that day in {@link #ZONE}; null when blank. */
    public static Instant endOfDay(String date, String what) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date.strip()).atTime(LocalTime.of(23, 59, 59)).atZone(ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "the " + what + " '" + date + "' is not a date (yyyy-mm-dd)");
        }
    }

    /** A form date and time (datetime-local) in {@link #ZONE}; required. */
    public static Instant localTime(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, what + " is required");
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, what + " '" + value + "' is not a date and time");
        }
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
