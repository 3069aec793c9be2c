package org.alliancechain.service.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * The suite's contracts this service knows: every {@code chain.contracts.<name>} address of its
 * configuration, named after the property ({@code case-registry} → {@code CaseRegistry}), with the
 * events of its ABI (the {@code contracts/<Name>.abi} the contracts module ships) so that a log can
 * be recognised and decoded. A contract whose ABI is not on the class path is still known by
 * address; its logs are kept undecoded.
 */
@ApplicationScoped
public class ContractCatalogue {

    private static final String PREFIX = "chain.contracts.";

    public record EventParam(String name, String type, boolean indexed) {
    }

    /** One event of a contract's ABI; {@link #topic()} is its first log topic. */
    public record EventAbi(String name, List<EventParam> inputs) {
        public String signature() {
            return name + inputs.stream().map(EventParam::type).collect(Collectors.joining(",", "(", ")"));
        }

        public String topic() {
            return Numeric.toHexString(Hash.sha3(signature().getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** A contract of the suite: its name, its address (lower case, 0x…) and its events by first topic. */
    public record Contract(String name, String address, Map<String, EventAbi> eventsByTopic) {
    }

    private final Map<String, Contract> byAddress = new HashMap<>();

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
            byAddress.put(address.toLowerCase(Locale.ROOT), new Contract(name, address.toLowerCase(Locale.ROOT), events(name)));
        }
    }

    /** The suite contract at an address, if it is one. */
    public Optional<Contract> at(String address) {
        return address == null ? Optional.empty() : Optional.ofNullable(byAddress.get(address.toLowerCase(Locale.ROOT)));
    }

    /** The names of the known contracts, for messages. */
    public List<String> names() {
        return byAddress.values().stream().map(Contract::name).sorted().toList();
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

    static Map<String, EventAbi> events(String contract) {
        Map<String, EventAbi> events = new HashMap<>();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("contracts/" + contract + ".abi")) {
            if (in == null) {
                return events;
            }
            for (JsonNode entry : new ObjectMapper().readTree(in)) {
                if (!"event".equals(entry.path("type").asText())) {
                    continue;
                }
                var inputs = new ArrayList<EventParam>();
                for (JsonNode input : entry.path("inputs")) {
                    inputs.add(new EventParam(input.path("name").asText(), input.path("type").asText(), input.path("indexed").asBoolean()));
                }
                var event = new EventAbi(entry.path("name").asText(), List.copyOf(inputs));
                events.put(event.topic(), event);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the ABI of " + contract + ": " + e.getMessage(), e);
        }
        return events;
    }
}
