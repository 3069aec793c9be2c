package org.alliancechain.chain.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.alliancechain.chain.api.ContractCall;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.AbiTypes;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * Solidity ABI encoding and decoding from signatures, so the API stays free of web3j types:
 * call data for {@link ContractCall}s, event parameters for the indexer, and custom errors of the
 * suite's contracts (read from the ABI files in the contracts jar) for failure reasons.
 */
final class AbiCodec {

    /** A parameter of an event or error signature. */
    record Param(String type, String name, boolean indexed) {
    }

    /** A parsed signature: name, parameters, and its canonical form. */
    record Signature(String name, List<Param> params) {
        String canonical() {
            return name + "(" + params.stream().map(Param::type).collect(Collectors.joining(",")) + ")";
        }

        String topic() {
            return Hash.sha3String(canonical());
        }
    }

    /** The contracts whose custom errors a revert reason is decoded against (an ABI not shipped is skipped). */
    private static final String[] CONTRACT_ABIS = {"MemberRegistry", "AnchorRegistry", "CaseRegistry", "InvoiceRegistry",
            "BusinessCalendar", "FinancingQuotes", "ReceivableRegistry", "WorkRegistry", "LicenceRegistry"};
    private static final Map<String, Signature> ERRORS = loadErrors();

    private AbiCodec() {
    }

    static String encode(ContractCall call) {
        var signature = parse(call.function());
        if (signature.params().size() != call.arguments().size()) {
            throw new IllegalArgumentException(call.function() + " takes " + signature.params().size()
                    + " arguments, got " + call.arguments().size());
        }
        List<Type> inputs = new ArrayList<>();
        for (int i = 0; i < signature.params().size(); i++) {
            inputs.add(toAbi(signature.params().get(i).type(), call.arguments().get(i)));
        }
        // The selector from the canonical signature (tuples as "(t1,t2,…)"), the arguments in the standard encoding.
        return Hash.sha3String(signature.canonical()).substring(0, 10) + FunctionEncoder.encodeConstructor(inputs);
    }

    /** Parses "name(type [indexed] [name], ...)". */
    static Signature parse(String text) {
        int open = text.indexOf('(');
        int close = text.lastIndexOf(')');
        if (open <= 0 || close < open) {
            throw new IllegalArgumentException("not a Solidity signature: " + text);
        }
        String name = text.substring(0, open).trim();
        String inner = text.substring(open + 1, close).trim();
        List<Param> params = new ArrayList<>();
        if (!inner.isEmpty()) {
            int unnamed = 0;
            for (String part : topLevel(inner)) {
                String[] words = part.trim().split("\\s+");
                boolean indexed = words.length > 1 && words[1].equals("indexed");
                String paramName = words.length > (indexed ? 2 : 1) ? words[words.length - 1] : "arg" + unnamed;
                params.add(new Param(words[0], paramName, indexed));
                unnamed++;
            }
        }
        return new Signature(name, params);
    }

    /** A static tuple's field types (the type itself when it is no tuple); dynamic or nested tuples are not decoded here. */
    static List<String> staticFields(String type) {
        if (!type.startsWith("(")) {
            return List.of(type);
        }
        List<String> fields = topLevel(type.substring(1, type.length() - 1));
        if (fields.stream().anyMatch(f -> f.startsWith("(") || f.endsWith("]") || f.equals("string") || f.equals("bytes"))) {
            throw new IllegalArgumentException("only static tuples of plain types are decoded: " + type);
        }
        return fields;
    }

    /** Splits a parameter list at its top-level commas (a tuple's own commas stay), tuples written without spaces. */
    static List<String> topLevel(String list) {
        var parts = new ArrayList<String>();
        int depth = 0;
        var current = new StringBuilder();
        for (char ch : list.toCharArray()) {
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            }
            if (ch == ',' && depth == 0) {
                parts.add(current.toString());
                current.setLength(0);
            } else if (!(depth > 0 && Character.isWhitespace(ch))) {
                current.append(ch);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    /** Decodes a log's topics and data into named Java values. */
    static Map<String, Object> decodeEvent(Signature event, List<String> topics, String data) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<Param> plain = event.params().stream().filter(p -> !p.indexed()).toList();
        // A static tuple is encoded in place, word after word, like its fields one by one: decode it so, as a list.
        List<TypeReference<Type>> plainTypes = new ArrayList<>();
        for (Param p : plain) {
            for (String field : staticFields(p.type())) {
                plainTypes.add(typeReference(field));
            }
        }
        List<Type> decoded = plainTypes.isEmpty() ? List.of() : FunctionReturnDecoder.decode(data, plainTypes);
        int topic = 1;
        int next = 0;
        for (Param p : event.params()) {
            if (p.indexed()) {
                values.put(p.name(), toJava(FunctionReturnDecoder.decodeIndexedValue(topics.get(topic++), typeReference(p.type()))));
            } else if (p.type().startsWith("(")) {
                int width = staticFields(p.type()).size();
                values.put(p.name(), decoded.subList(next, next + width).stream().map(AbiCodec::toJava).toList());
                next += width;
            } else {
                values.put(p.name(), toJava(decoded.get(next++)));
            }
        }
        return values;
    }

    /** The return data of a view, decoded by its comma-separated output types. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static List<Object> decodeOutputs(String types, String data) {
        List<TypeReference<Type>> references = new ArrayList<>();
        for (String type : topLevel(types)) {
            references.add(typeReference(type.strip()));
        }
        List<Type> values = FunctionReturnDecoder.decode(data, (List) references);
        if (values.size() != references.size()) {
            throw new IllegalStateException("the view returned " + values.size() + " values, expected " + references.size() + " (" + types + ")");
        }
        return values.stream().map(AbiCodec::toJava).toList();
    }

    /** Turns revert data into "ErrorName(param=value, ...)" for the suite's custom errors. */
    static String describeRevert(String revertData) {
        if (revertData == null || revertData.length() < 10) {
            return "reverted without a reason";
        }
        String selector = revertData.substring(0, 10).toLowerCase();
        if (selector.equals("0x08c379a0")) {
            List<Type> message = FunctionReturnDecoder.decode(revertData.substring(10), List.of(typeReference("string")));
            return "reverted: " + message.getFirst().getValue();
        }
        var error = ERRORS.get(selector);
        if (error == null) {
            return "reverted with unknown error " + revertData;
        }
        List<TypeReference<Type>> types = new ArrayList<>();
        error.params().forEach(p -> types.add(typeReference(p.type())));
        List<Type> values = FunctionReturnDecoder.decode(revertData.substring(10), types);
        var parts = new ArrayList<String>();
        for (int i = 0; i < values.size(); i++) {
            parts.add(error.params().get(i).name() + "=" + display(toJava(values.get(i))));
        }
        return error.name() + "(" + String.join(", ", parts) + ")";
    }

    @SuppressWarnings("unchecked")
    static TypeReference<Type> typeReference(String solidityType) {
        try {
            return (TypeReference<Type>) TypeReference.makeTypeReference(solidityType);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("unsupported Solidity type " + solidityType, e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Type toAbi(String type, Object value) {
        if (type.startsWith("(") && type.endsWith(")")) {
            List<String> fields = topLevel(type.substring(1, type.length() - 1));
            List<?> values = (List<?>) value;
            if (values.size() != fields.size()) {
                throw new IllegalArgumentException("the tuple " + type + " takes " + fields.size() + " values, got " + values.size());
            }
            List<Type> items = new ArrayList<>();
            for (int i = 0; i < fields.size(); i++) {
                items.add(toAbi(fields.get(i), values.get(i)));
            }
            boolean dynamic = fields.stream().anyMatch(f -> f.endsWith("[]") || f.equals("string") || f.equals("bytes") || f.startsWith("("));
            return dynamic ? new org.web3j.abi.datatypes.DynamicStruct(items) : new org.web3j.abi.datatypes.StaticStruct(items);
        }
        if (type.endsWith("[]")) {
            String element = type.substring(0, type.length() - 2);
            List<Type> items = ((List<?>) value).stream().map(v -> toAbi(element, v)).toList();
            return new DynamicArray(AbiTypes.getType(element), items);
        }
        Class<? extends Type> cls = AbiTypes.getType(type);
        Object arg = switch (value) {
            case Integer i -> BigInteger.valueOf(i);
            case Long l -> BigInteger.valueOf(l);
            case ContractCall nested when type.equals("bytes") -> Numeric.hexStringToByteArray(encode(nested));
            default -> value;
        };
        for (Constructor<?> c : cls.getConstructors()) {
            if (c.getParameterCount() == 1 && c.getParameterTypes()[0].isInstance(arg)
                    || c.getParameterCount() == 1 && c.getParameterTypes()[0] == boolean.class && arg instanceof Boolean) {
                try {
                    return (Type) c.newInstance(arg);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalArgumentException("cannot encode " + value + " as " + type, e);
                }
            }
        }
        throw new IllegalArgumentException("cannot encode a " + value.getClass().getSimpleName() + " as " + type);
    }

    private static Object toJava(Type value) {
        Object v = value.getValue();
        if (v instanceof List<?> list) {
            return list.stream().map(item -> toJava((Type) item)).toList();
        }
        if (v instanceof String s && s.startsWith("0x")) {
            return s.toLowerCase();
        }
        return v;
    }

    private static String display(Object value) {
        return value instanceof byte[] bytes ? Numeric.toHexString(bytes) : String.valueOf(value);
    }

    private static Map<String, Signature> loadErrors() {
        var mapper = new ObjectMapper();
        Map<String, Signature> errors = new HashMap<>();
        for (String contract : CONTRACT_ABIS) {
            try (InputStream in = AbiCodec.class.getResourceAsStream("/contracts/" + contract + ".abi")) {
                if (in == null) {
                    continue;
                }
                for (JsonNode entry : mapper.readTree(in)) {
                    if (!"error".equals(entry.path("type").asText())) {
                        continue;
                    }
                    List<Param> params = new ArrayList<>();
                    for (JsonNode input : entry.path("inputs")) {
                        params.add(new Param(input.path("type").asText(), input.path("name").asText(), false));
                    }
                    var signature = new Signature(entry.path("name").asText(), params);
                    String selector = Hash.sha3String(signature.canonical()).substring(0, 10);
                    errors.put(selector, signature);
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the ABI of " + contract, e);
            }
        }
        return errors;
    }
}
