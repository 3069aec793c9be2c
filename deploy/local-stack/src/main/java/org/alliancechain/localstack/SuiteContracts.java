package org.alliancechain.localstack;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Addresses of the suite's contracts on one chain, by contract name ({@code MemberRegistry},
 * {@code AnchorRegistry}, {@code CaseRegistry}, …) in deployment order. Everything that writes or
 * reads them — the apps' {@code chain.contracts.*} configuration, the kept deployment, ./run's
 * suite.properties and printout — goes over the map, so a new registry is one entry in
 * {@link ConsortiumBootstrap#REGISTRIES}.
 */
public record SuiteContracts(String rpcUrl, long chainId, Map<String, String> addresses) {

    public static final String MEMBER_REGISTRY = "MemberRegistry";
    public static final String ANCHOR_REGISTRY = "AnchorRegistry";
    public static final String CASE_REGISTRY = "CaseRegistry";
    public static final String INVOICE_REGISTRY = "InvoiceRegistry";
    public static final String BUSINESS_CALENDAR = "BusinessCalendar";
    public static final String FINANCING_QUOTES = "FinancingQuotes";
    public static final String RECEIVABLE_REGISTRY = "ReceivableRegistry";
    public static final String WORK_REGISTRY = "WorkRegistry";
    public static final String LICENCE_REGISTRY = "LicenceRegistry";

    public SuiteContracts {
        addresses = Collections.unmodifiableMap(new LinkedHashMap<>(addresses));
    }

    /** The address of a contract by name; IllegalStateException when this suite has none of that name. */
    public String address(String name) {
        String address = addresses.get(name);
        if (address == null) {
            throw new IllegalStateException("no " + name + " in this suite's contracts " + addresses.keySet());
        }
        return address;
    }

    public String memberRegistry() {
        return address(MEMBER_REGISTRY);
    }

    public String anchorRegistry() {
        return address(ANCHOR_REGISTRY);
    }

    public String caseRegistry() {
        return address(CASE_REGISTRY);
    }

    public String invoiceRegistry() {
        return address(INVOICE_REGISTRY);
    }

    /** The chain.* configuration every app reads: {@code chain.contracts.<key>} per contract (see {@link #key}). */
    public Map<String, String> appConfig() {
        var config = new LinkedHashMap<String, String>();
        config.put("chain.rpc-url", rpcUrl);
        config.put("chain.chain-id", String.valueOf(chainId));
        addresses.forEach((name, address) -> config.put("chain.contracts." + key(name), address));
        return config;
    }

    /** Writes each address under its {@link #key} (what ./run's suite.properties and the kept deployment hold). */
    public void store(Properties properties) {
        addresses.forEach((name, address) -> properties.setProperty(key(name), address));
    }

    /** The contracts among properties written by {@link #store}: every value that is an address. */
    public static SuiteContracts from(String rpcUrl, long chainId, Properties properties) {
        var addresses = new LinkedHashMap<String, String>();
        properties.stringPropertyNames().stream().sorted()
                .filter(key -> properties.getProperty(key).matches("0x[0-9a-fA-F]{40}"))
                .forEach(key -> addresses.put(name(key), properties.getProperty(key)));
        return new SuiteContracts(rpcUrl, chainId, addresses);
    }

    /** {@code CaseRegistry} → {@code case-registry}: the key of a contract in configuration and properties files. */
    public static String key(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** {@code case-registry} → {@code CaseRegistry}. */
    static String name(String key) {
        var name = new StringBuilder();
        for (String part : key.split("-")) {
            if (!part.isEmpty()) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return name.toString();
    }

    /** The inverse of {@link #appConfig()}: the addresses back from the chain.* configuration (e.g. of a shared test stack). */
    public static SuiteContracts fromAppConfig(Map<String, String> config) {
        var addresses = new LinkedHashMap<String, String>();
        config.forEach((key, value) -> {
            if (key.startsWith("chain.contracts.")) {
                addresses.put(name(key.substring("chain.contracts.".length())), value);
            }
        });
        return new SuiteContracts(config.get("chain.rpc-url"), Long.parseLong(config.get("chain.chain-id")), addresses);
    }
}
