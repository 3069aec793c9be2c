package org.alliancechain.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The JSON Canonicalization Scheme (RFC 8785): the one byte form of a record that everybody hashes.
 * Object members sorted by their names' UTF-16 code units, no whitespace, strings with only the
 * mandatory escapes, numbers as ECMAScript prints an IEEE 754 double. See docs/hashing.md for how to
 * recompute a record hash with other tools.
 */
public final class CanonicalJson {

    /** How the suite turns its Java records into JSON before canonicalising (ISO-8601 times). */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private CanonicalJson() {
    }

    /** The canonical UTF-8 bytes of any JSON text; duplicate member names are refused (RFC 8785 requires I-JSON). */
    public static byte[] canonicalize(String json) {
        try {
            return canonicalize(MAPPER.readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }

    /** The canonical UTF-8 bytes of a Java value (record, map, list …) as Jackson writes it. */
    public static byte[] canonicalize(Object value) {
        JsonNode tree = value instanceof JsonNode node ? node : MAPPER.valueToTree(value);
        var out = new StringBuilder(256);
        write(tree, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The record hash: the digest of the canonical bytes. */
    public static byte[] digest(HashAlgorithm algorithm, Object value) {
        return algorithm.digest(canonicalize(value));
    }

    /** Appends a string as RFC 8785 writes it: for types that write their canonical form directly (see EvidenceRecord). */
    public static void appendString(StringBuilder out, String s) {
        writeString(s, out);
    }

    /** Appends a number as RFC 8785 writes it (ECMAScript's form of the double). */
    public static void appendNumber(StringBuilder out, double v) {
        out.append(number(v));
    }

    /** Appends a map of strings as an RFC 8785 object: members sorted by UTF-16 code units. */
    public static void appendObject(StringBuilder out, Map<String, String> members) {
        var names = members.keySet().toArray(String[]::new);
        java.util.Arrays.sort(names);
        out.append('{');
        for (int i = 0; i < names.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            writeString(names[i], out);
            out.append(':');
            writeString(members.get(names[i]), out);
        }
        out.append('}');
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    members.add(it.next());
                }
                // String.compareTo compares UTF-16 code units, exactly what RFC 8785 §3.2.3 asks for.
                members.sort(Map.Entry.comparingByKey());
                out.append('{');
                for (int i = 0; i < members.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    writeString(members.get(i).getKey(), out);
                    out.append(':');
                    write(members.get(i).getValue(), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(node.get(i), out);
                }
                out.append(']');
            }
            case STRING -> writeString(node.textValue(), out);
            case NUMBER -> out.append(number(node.doubleValue()));
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            default -> throw new IllegalArgumentException("no JSON form for " + node.getNodeType());
        }
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * The fewest significant digits that read back as v. Double.toString gives them, except that it
     * never answers with fewer than two (4.9E-324 for 5e-324), so one digit is tried as well.
     */
    private static BigDecimal shortest(double v) {
        var decimal = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        if (decimal.precision() != 2) {
            return decimal;
        }
        var exact = new BigDecimal(v);
        BigDecimal best = null;
        for (var mode : new java.math.RoundingMode[] {java.math.RoundingMode.FLOOR, java.math.RoundingMode.CEILING}) {
            var candidate = decimal.round(new java.math.MathContext(1, mode));
            if (candidate.doubleValue() == v
                    && (best == null || candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0)) {
                best = candidate;
            }
        }
        return best != null ? best.stripTrailingZeros() : decimal;
    }

    /**
     * ECMAScript's Number.prototype.toString for a double (RFC 8785 §3.2.2.3). Java's
     * Double.toString yields the shortest digits that round-trip (JDK 19+), which is what
     * ECMAScript uses; only the layout differs.
     */
    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("NaN and Infinity have no JSON form");
        }
        if (v == 0) {
            return "0";
        }
        if (v < 0) {
            return "-" + number(-v);
        }
        var decimal = shortest(v);
        String digits = decimal.unscaledValue().toString();
        int k = digits.length();
        int n = k - decimal.scale();
        if (k <= n && n <= 21) {
            return digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + digits;
        }
        int e = n - 1;
        String exponent = "e" + (e < 0 ? "-" : "+") + Math.abs(e);
        return k == 1 ? digits + exponent : digits.charAt(0) + "." + digits.substring(1) + exponent;
    }
}
