package org.alliancechain.service.problem;

import java.util.Arrays;

/**
 * Query and form values read as text and converted here, so that a wrong one is refused naming its parameter (400, as
 * {@link ParameterProblems} answers for a parameter the framework converts): for values an endpoint takes as text.
 */
public final class ParamValues {

    private ParamValues() {
    }

    /** {@code value} as one of {@code type}'s constants (null or blank: null); 400 naming {@code field} listing them otherwise. */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(jakarta.ws.rs.core.Response.Status.BAD_REQUEST, "'" + value.strip() + "' is not one of "
                    + Arrays.toString(type.getEnumConstants()), field);
        }
    }

    /** {@code value} as a whole number (null or blank: null); 400 naming {@code field} saying {@code what} it must be otherwise. */
    public static Long longValue(String value, String field, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new ProblemException(jakarta.ws.rs.core.Response.Status.BAD_REQUEST, "must be " + what + ", not '" + value.strip() + "'", field);
        }
    }
}
