package org.alliancechain.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The deployed contracts as a map by name: the keys the apps, ./run and the kept deployment use follow from the names. */
class SuiteContractsTest {

    private static final Map<String, String> ADDRESSES = new LinkedHashMap<>();

    static {
        ADDRESSES.put("MemberRegistry", "0x" + "1".repeat(40));
        ADDRESSES.put("AnchorRegistry", "0x" + "2".repeat(40));
        ADDRESSES.put("CaseRegistry", "0x" + "3".repeat(40));
        ADDRESSES.put("InvoiceRegistry", "0x" + "4".repeat(40));
    }

    @Test
    void everyContractReachesTheAppsUnderItsKebabCaseKey() {
        var config = new SuiteContracts("http://127.0.0.1:8545", 31337, ADDRESSES).appConfig();
        assertEquals("http://127.0.0.1:8545", config.get("chain.rpc-url"));
        assertEquals("31337", config.get("chain.chain-id"));
        assertEquals(ADDRESSES.get("MemberRegistry"), config.get("chain.contracts.member-registry"));
        assertEquals(ADDRESSES.get("AnchorRegistry"), config.get("chain.contracts.anchor-registry"));
        assertEquals(ADDRESSES.get("CaseRegistry"), config.get("chain.contracts.case-registry"));
        assertEquals(ADDRESSES.get("InvoiceRegistry"), config.get("chain.contracts.invoice-registry"));
        assertEquals(6, config.size());
    }

    @Test
    void theStoredFormReadsBackAmongOtherProperties() {
        var contracts = new SuiteContracts("http://127.0.0.1:8545", 31337, ADDRESSES);
        var props = new Properties();
        props.setProperty("chain-id", "31337");
        props.setProperty("keycloak-url", "http://127.0.0.1:8180");
        contracts.store(props);
        assertEquals(ADDRESSES.get("CaseRegistry"), props.getProperty("case-registry"));
        var read = SuiteContracts.from("http://127.0.0.1:8545", 31337, props);
        assertEquals(ADDRESSES, Map.copyOf(read.addresses()));
        assertEquals(ADDRESSES.get("MemberRegistry"), read.memberRegistry());
    }

    @Test
    void theAppConfigReadsBackAsTheSameContracts() {
        var contracts = new SuiteContracts("http://127.0.0.1:8545", 31337, ADDRESSES);
        var back = SuiteContracts.fromAppConfig(new java.util.HashMap<>(contracts.appConfig()));
        assertEquals(contracts.rpcUrl(), back.rpcUrl());
        assertEquals(contracts.chainId(), back.chainId());
        assertEquals(contracts.addresses(), back.addresses());
    }

    @Test
    void theBootstrapDeploysTheMemberRegistryFirstThenEachRegistryOfTheMap() {
        // A registry comes after those its constructor names (FinancingQuotes after BusinessCalendar, ReceivableRegistry after both and
        // InvoiceRegistry, LicenceRegistry after WorkRegistry).
        assertEquals(List.of("MemberRegistry", "AnchorRegistry", "CaseRegistry", "InvoiceRegistry", "BusinessCalendar", "FinancingQuotes",
                "ReceivableRegistry", "WorkRegistry", "LicenceRegistry"), ConsortiumBootstrap.contractNames());
        assertTrue(ConsortiumBootstrap.REGISTRIES.keySet().stream().allMatch(n -> SuiteContracts.name(SuiteContracts.key(n)).equals(n)));
    }
}
