package org.alliancechain.service.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What was wrong with a request body that is not the JSON the endpoint reads, said in JSON's terms:
 * the field as a JSON Pointer (RFC 6901, e.g. {@code /parties/0/name}) and what was expected there
 * as a JSON type — never the Java class or record it was to become.
 */
final class JsonProblems {

    /** Java names that may still appear in a parser's own words: qualified names, backtick-quoted types. */
    private static final Pattern JAVA_NAME = Pattern.compile("`[^`]*`|\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Za-z_$][\\w$]*");
    private static final Pattern SOURCE = Pattern.compile("\\s*\\(?(?:start marker at )?\\[Source:[^\\]]*\\]\\)?");

    /** The detail of a 400 answer, and the field it concerns (null when the body is not JSON at all). */
    record Detail(String pointer, String field, String message) {
        String text() {
            return pointer == null ? "Malformed JSON: " + message : "Malformed JSON at " + pointer + ": " + message;
        }
    }

    private JsonProblems() {
    }

    static Detail describe(JsonProcessingException e) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return new Detail(pointer(m.getPath()), field(m.getPath()), expectation(m));
        }
        if (e instanceof JsonParseException p && p.getLocation() != null && p.getLocation().getLineNr() > 0) {
            return new Detail(null, null, "line " + p.getLocation().getLineNr() + ", column " + p.getLocation().getColumnNr()
                    + ": " + parserWords(e));
        }
        return new Detail(null, null, e instanceof MismatchedInputException m && m.getTargetType() != null
                ? "expected " + jsonType(m.getTargetType()) : parserWords(e));
    }

    /** RFC 6901: "/" between reference tokens, "~" written "~0" and "/" written "~1". */
    static String pointer(List<JsonMappingException.Reference> path) {
        var out = new StringBuilder();
        for (var step : path) {
            out.append('/');
            if (step.getFieldName() != null) {
                out.append(step.getFieldName().replace("~", "~0").replace("/", "~1"));
            } else if (step.getIndex() >= 0) {
                out.append(step.getIndex());
            }
        }
        return out.toString();
    }

    /** The same place as bean validation names fields ({@code parties[0].name}), for the problem's errors list. */
    private static String field(List<JsonMappingException.Reference> path) {
        var out = new StringBuilder();
        for (var step : path) {
            if (step.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                out.append('[').append(step.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String expectation(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "not a field of this request";
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null) {
            return "expected " + jsonType(f.getTargetType()) + ", got " + given(f.getValue());
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "expected " + jsonType(m.getTargetType());
        }
        return parserWords(e);
    }

    /** A JSON reader's view of the Java type a value was to become. */
    static String jsonType(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == int.class || type == long.class || type == short.class || type == byte.class || type == Integer.class
                || type == Long.class || type == Short.class || type == Byte.class || type == java.math.BigInteger.class) {
            return "a whole number";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a date or time in ISO 8601 form (a string)";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return "an object";
    }

    private static String given(Object value) {
        if (value == null) {
            return "null";
        }
        String text = String.valueOf(value);
        return value instanceof String ? "'" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'" : "a different value";
    }

    /** The parser's own sentence, without the input's description and without any Java name it mentions. */
    private static String parserWords(JsonProcessingException e) {
        String words = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
        int line = words.indexOf('\n');
        if (line >= 0) {
            words = words.substring(0, line);
        }
        words = SOURCE.matcher(words).replaceAll("");
        words = JAVA_NAME.matcher(words).replaceAll("a value");
        return words.strip();
    }
}
