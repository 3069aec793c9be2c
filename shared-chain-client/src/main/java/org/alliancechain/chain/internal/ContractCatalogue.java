package org.alliancechain.chain.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.alliancechain.chain.api.ContractEvent;
import org.eclipse.microprofile.config.Config;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Type;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/**
 * The suite's contracts this service knows: every {@code chain.contracts.<name>} address of its
 * configuration, named after the property ({@code case-registry} → {@code CaseRegistry}), with the
 * events of its ABI (the {@code contracts/<Name>.abi} the contracts module ships) so that a log can
 * be recognised and decoded. A contract whose ABI is not on the class path is still known by
 * address; its logs are kept undecoded. A new registry needs no code here: its address in the
 * configuration and its ABI in the contracts jar.
 */
@ApplicationScoped
public class ContractCatalogue {

    private static final String PREFIX = "chain.contracts.";

    /** A contract of the suite: its name, its address (lower case, 0x…) and its events by first topic. */
    record Contract(String name, String address, Map<String, AbiCodec.Signature> eventsByTopic) {
    }

    private final Map<String, Contract> byAddress = new HashMap<>();
    private final Map<String, Contract> byName = new TreeMap<>();

    ContractCatalogue(Config config) {
        for (String property : config.getPropertyNames()) {
            if (!property.startsWith(PREFIX)) {
                continue;
            }
            var address = config.getOptionalValue(property, String.class).orElse("");
            if (!address.matches("0x[0-9a-fA-F]{40}")) {
                continue;
            }
            String name = contractName(property.substring(PREFIX.length()));
            var contract = new Contract(name, address.toLowerCase(Locale.ROOT), events(name));
            byAddress.put(contract.address(), contract);
            byName.put(name, contract);
        }
    }

    /** The suite contract at an address, if it is one. */
    Optional<Contract> at(String address) {
        return address == null ? Optional.empty() : Optional.ofNullable(byAddress.get(address.toLowerCase(Locale.ROOT)));
    }

    /** The suite contract of this name; IllegalArgumentException naming the known ones otherwise. */
    Contract named(String name) {
        var contract = byName.get(name);
        if (contract == null) {
            throw new IllegalArgumentException("no suite contract named " + name + " is configured (" + String.join(", ", byName.keySet())
                    + "); its address is chain.contracts." + kebab(name));
        }
        return contract;
    }

    /** Name → address of every known contract, sorted by name. */
    Map<String, String> addresses() {
        var addresses = new LinkedHashMap<String, String>();
        byName.forEach((name, contract) -> addresses.put(name, contract.address()));
        return addresses;
    }

    /** Decodes a log against the ABI of the suite contract that emitted it (contract null when it is none of the suite's). */
    ContractEvent decode(Log log) {
        List<String> topics = log.getTopics() == null ? List.of() : log.getTopics();
        var contract = at(log.getAddress());
        var abi = contract.isEmpty() || topics.isEmpty() ? null : contract.get().eventsByTopic().get(topics.getFirst().toLowerCase(Locale.ROOT));
        List<ContractEvent.Argument> arguments = abi == null ? List.of() : arguments(abi, topics, log.getData());
        return new ContractEvent(contract.map(Contract::name).orElse(null), log.getAddress().toLowerCase(Locale.ROOT),
                abi == null ? null : abi.name(), abi == null ? null : abi.canonical(), arguments, topics, log.getData(),
                Quantities.of(log.getBlockNumberRaw(), "a log's block number"), log.getBlockHash(), log.getTransactionHash(),
                Quantities.of(log.getTransactionIndexRaw(), "a log's transaction index"), Quantities.of(log.getLogIndexRaw(), "a log's index"));
    }

    /** The named, decoded arguments; empty when the log does not fit the ABI (it then keeps its raw topics and data). */
    private static List<ContractEvent.Argument> arguments(AbiCodec.Signature abi, List<String> topics, String data) {
        try {
            List<TypeReference<Type>> plain = new ArrayList<>();
            for (var input : abi.params()) {
                if (!input.indexed()) {
                    plain.add(AbiCodec.typeReference(input.type()));
                }
            }
            List<Type> values = plain.isEmpty() ? List.of() : FunctionReturnDecoder.decode(data, plain);
            var arguments = new ArrayList<ContractEvent.Argument>();
            int topic = 1;
            int value = 0;
            for (var input : abi.params()) {
                Object decoded;
                if (input.indexed()) {
                    String raw = topics.get(topic++);
                    decoded = isDynamic(input.type()) ? Numeric.hexStringToByteArray(raw)
                            : java(FunctionReturnDecoder.decodeIndexedValue(raw, AbiCodec.typeReference(input.type())));
                } else {
                    decoded = java(values.get(value++));
                }
                arguments.add(new ContractEvent.Argument(input.name(), input.type(), input.indexed(), decoded));
            }
            return arguments;
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static boolean isDynamic(String type) {
        return type.equals("string") || type.equals("bytes") || type.endsWith("]") || type.startsWith("tuple");
    }

    private static Object java(Type<?> value) {
        Object raw = value.getValue();
        if (value instanceof org.web3j.abi.datatypes.Address address) {
            return address.getValue().toLowerCase(Locale.ROOT);
        }
        if (raw instanceof List<?> list) {
            return list.stream().map(item -> java((Type<?>) item)).toList();
        }
        if (raw instanceof BigInteger || raw instanceof byte[] || raw instanceof Boolean || raw instanceof String) {
            return raw;
        }
        return String.valueOf(raw);
    }

    /** {@code case-registry} → {@code CaseRegistry}. */
    static String contractName(String key) {
        var name = new StringBuilder();
        for (String part : key.split("[-_.]")) {
            if (!part.isEmpty()) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return name.toString();
    }

    /** {@code CaseRegistry} → {@code case-registry}. */
    static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    static Map<String, AbiCodec.Signature> events(String contract) {
        Map<String, AbiCodec.Signature> events = new HashMap<>();
        try (InputStream in = ContractCatalogue.class.getResourceAsStream("/contracts/" + contract + ".abi")) {
            if (in == null) {
                return events;
            }
            for (JsonNode entry : new ObjectMapper().readTree(in)) {
                if (!"event".equals(entry.path("type").asText())) {
                    continue;
                }
                var inputs = new ArrayList<AbiCodec.Param>();
                for (JsonNode input : entry.path("inputs")) {
                    inputs.add(new AbiCodec.Param(input.path("type").asText(), input.path("name").asText(), input.path("indexed").asBoolean()));
                }
                var event = new AbiCodec.Signature(entry.path("name").asText(), List.copyOf(inputs));
                events.put(event.topic(), event);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the ABI of " + contract + ": " + e.getMessage(), e);
        }
        return events;
    }
}
