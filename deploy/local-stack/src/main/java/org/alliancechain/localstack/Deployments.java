package org.alliancechain.localstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.http.HttpService;

/** Remembers where the contracts were deployed, so a restart with kept chain state reuses them. */
final class Deployments {

    private Deployments() {
    }

    /** Bumped whenever the demo seed changes, so a kept chain from an older seed is deployed afresh. */
    private static final String SEED = "3";

    static Optional<SuiteContracts> load(Path file, String rpcUrl) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        var props = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!SEED.equals(props.getProperty("seed"))) {
            return Optional.empty();
        }
        var contracts = SuiteContracts.from(rpcUrl, Long.parseLong(props.getProperty("chain-id")), props);
        // Only trust the file if the chain still has code there (the state file may have been deleted).
        var web3j = Web3j.build(new HttpService(rpcUrl));
        try {
            if (!contracts.addresses().keySet().containsAll(ConsortiumBootstrap.contractNames())) {
                return Optional.empty(); // kept from before a registry was added: deploy afresh
            }
            for (String address : contracts.addresses().values()) {
                String code = web3j.ethGetCode(address, DefaultBlockParameterName.LATEST).send().getCode();
                if (code == null || code.length() <= 2) {
                    return Optional.empty();
                }
            }
            return Optional.of(contracts);
        } catch (IOException e) {
            return Optional.empty();
        } finally {
            web3j.shutdown();
        }
    }

    static void save(Path file, SuiteContracts contracts) {
        var props = new Properties();
        props.setProperty("seed", SEED);
        props.setProperty("chain-id", String.valueOf(contracts.chainId()));
        contracts.store(props);
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file)) {
                props.store(out, "Alliance Chain Suite contracts on " + contracts.rpcUrl());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
