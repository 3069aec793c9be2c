package org.alliancechain.service.problem;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * A path or query parameter the framework could not convert to its Java type: JAX-RS answers it with 404 and names
 * nothing (the specification's rule, meant for path segments). This finds which of the matched method's parameters
 * holds a value its type refuses, and answers 400 naming it and what it must be — "one of [EXCERPT, FULL_REPRINT]",
 * "a date such as 2026-12-05" — never the Java type.
 */
final class ParameterProblems {

    private ParameterProblems() {
    }

    /** The 400 for a parameter the method matched for this request could not take; null when none can be told. */
    static Problem of(SimpleResourceInfo info, UriInfo uri, String instance) {
        Method method = method(info);
        if (method == null) {
            return null;
        }
        for (Parameter p : method.getParameters()) {
            String name = null;
            List<String> values = null;
            for (Annotation a : p.getAnnotations()) {
                if (a instanceof QueryParam q) {
                    name = q.value();
                    values = uri.getQueryParameters().get(name);
                } else if (a instanceof PathParam path) {
                    name = path.value();
                    values = uri.getPathParameters().get(name);
                }
            }
            if (name == null || values == null) {
                continue;
            }
            for (String value : values) {
                String must = refusal(p.getType(), value);
                if (must != null) {
                    String detail = "must be " + must + ", not '" + (value.length() > 60 ? value.substring(0, 60) + "…" : value) + "'";
                    return Problem.of(Response.Status.BAD_REQUEST, name + " " + detail, instance)
                            .withErrors(List.of(new Problem.Violation(name, detail)));
                }
            }
        }
        return null;
    }

    private static Method method(SimpleResourceInfo info) {
        if (info == null || info.getResourceClass() == null || info.getMethodName() == null) {
            return null;
        }
        for (Class<?> c = info.getResourceClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(info.getMethodName()) && Arrays.equals(m.getParameterTypes(), info.parameterTypes())) {
                    return m;
                }
            }
        }
        return null;
    }

    /** What a value of {@code type} must be, when {@code value} is not one; null when it converts (or the type is not one told here). */
    static String refusal(Class<?> type, String value) {
        String v = value; // as exact as the framework's conversion: "2 " is not a number there either
        try {
            if (type == int.class || type == Integer.class) {
                Integer.parseInt(v);
            } else if (type == long.class || type == Long.class) {
                Long.parseLong(v);
            } else if (type == short.class || type == Short.class) {
                Short.parseShort(v);
            } else if (type == BigInteger.class) {
                new BigInteger(v);
            } else if (type == BigDecimal.class || type == double.class || type == Double.class) {
                new BigDecimal(v);
            } else if (type == LocalDate.class) {
                LocalDate.parse(v);
            } else if (type == Instant.class) {
                Instant.parse(v);
            } else if (type == UUID.class) {
                UUID.fromString(v);
            } else if (type.isEnum()) {
                for (Object constant : type.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equals(value)) {
                        return null;
                    }
                }
                return "one of " + Arrays.toString(type.getEnumConstants());
            }
            return null;
        } catch (RuntimeException e) {
            return type == LocalDate.class ? "a date such as 2026-12-05"
                    : type == Instant.class ? "a time such as 2026-12-05T08:00:00Z"
                    : type == UUID.class ? "a UUID"
                    : type == BigDecimal.class || type == double.class || type == Double.class ? "a number"
                    : "a whole number" + (type == int.class || type == Integer.class ? " up to " + Integer.MAX_VALUE : "");
        }
    }
}
