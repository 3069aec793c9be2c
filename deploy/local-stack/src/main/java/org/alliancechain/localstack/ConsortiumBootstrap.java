package org.alliancechain.localstack;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliancechain.contracts.generated.AnchorRegistry;
import org.alliancechain.contracts.generated.BusinessCalendar;
import org.alliancechain.contracts.generated.FinancingQuotes;
import org.alliancechain.contracts.generated.ReceivableRegistry;
import org.alliancechain.contracts.generated.CaseRegistry;
import org.alliancechain.contracts.generated.InvoiceRegistry;
import org.alliancechain.contracts.generated.LicenceRegistry;
import org.alliancechain.contracts.generated.MemberRegistry;
import org.alliancechain.contracts.generated.WorkRegistry;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.core.RemoteCall;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.Contract;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * Deploys the suite's contracts and seeds a consortium through its own governance: every
 * admission and role grant is proposed by one admin and approved by a second (quorum 2 of 3).
 */
public final class ConsortiumBootstrap implements AutoCloseable {

    /** Action enum of IMemberRegistry, in declaration order. */
    enum Action { ADMIT_MEMBER, ADD_ACCOUNT, REMOVE_ACCOUNT, GRANT_ROLE, REVOKE_ROLE, SUSPEND_MEMBER, REINSTATE_MEMBER }

    /**
     * How a registry governed by the MemberRegistry is deployed: its constructor takes the addresses
     * of contracts deployed before it (by name; the MemberRegistry's always among them).
     */
    @FunctionalInterface
    interface RegistryDeployment {
        RemoteCall<? extends Contract> deploy(Web3j web3j, TransactionManager manager, ContractGasProvider gas, Map<String, String> deployed);
    }

    /** The supply-finance registry's parameters: a 1-fen smallest split, 10 tiers deep, offers open up to 30 days,
     * 3 days for a bank to record its payment, 3 grace days after the payment date before a certificate is overdue. */
    static final BigInteger MIN_SPLIT_CENTS = BigInteger.ONE;
    static final BigInteger MAX_DEPTH = BigInteger.TEN;
    static final BigInteger MAX_OFFER_SECONDS = BigInteger.valueOf(30L * 24 * 3600);
    static final BigInteger PAYMENT_WINDOW_SECONDS = BigInteger.valueOf(3L * 24 * 3600);
    static final BigInteger GRACE_DAYS = BigInteger.valueOf(3);

    /** The member whose only account is the ReceivableRegistry contract: it holds FINANCING_REGISTRY, so the registry may pledge invoices. */
    public static final String FINANCING_REGISTRY_MEMBER = "supply-finance-registry";

    /**
     * The suite's registries, deployed in this order after the MemberRegistry that governs them. A
     * new registry is one entry here (plus its wrapper in contracts/pom.xml): its address then
     * reaches the apps as {@code chain.contracts.<name-in-kebab-case>}, ./run's suite.properties
     * and printout, and the kept deployment, through {@link SuiteContracts}.
     */
    static final Map<String, RegistryDeployment> REGISTRIES = orderedMap(
            Map.entry(SuiteContracts.ANCHOR_REGISTRY, (w, m, g, d) -> AnchorRegistry.deploy(w, m, g, d.get(SuiteContracts.MEMBER_REGISTRY))),
            Map.entry(SuiteContracts.CASE_REGISTRY, (w, m, g, d) -> CaseRegistry.deploy(w, m, g, d.get(SuiteContracts.MEMBER_REGISTRY))),
            Map.entry(SuiteContracts.INVOICE_REGISTRY, (w, m, g, d) -> InvoiceRegistry.deploy(w, m, g, d.get(SuiteContracts.MEMBER_REGISTRY))),
            Map.entry(SuiteContracts.BUSINESS_CALENDAR, (w, m, g, d) -> BusinessCalendar.deploy(w, m, g, d.get(SuiteContracts.MEMBER_REGISTRY))),
            Map.entry(SuiteContracts.FINANCING_QUOTES, (w, m, g, d) -> FinancingQuotes.deploy(w, m, g, d.get(SuiteContracts.MEMBER_REGISTRY),
                    d.get(SuiteContracts.BUSINESS_CALENDAR))),
            Map.entry(SuiteContracts.RECEIVABLE_REGISTRY, (w, m, g, d) -> ReceivableRegistry.deploy(w, m, g, d.get(SuiteContracts.MEMBER_REGISTRY),
                    d.get(SuiteContracts.INVOICE_REGISTRY), d.get(SuiteContracts.BUSINESS_CALENDAR), d.get(SuiteContracts.FINANCING_QUOTES),
                    MIN_SPLIT_CENTS, MAX_DEPTH, MAX_OFFER_SECONDS, PAYMENT_WINDOW_SECONDS, GRACE_DAYS)),
            Map.entry(SuiteContracts.WORK_REGISTRY, (w, m, g, d) -> WorkRegistry.deploy(w, m, g, d.get(SuiteContracts.MEMBER_REGISTRY))),
            Map.entry(SuiteContracts.LICENCE_REGISTRY, (w, m, g, d) -> LicenceRegistry.deploy(w, m, g, d.get(SuiteContracts.MEMBER_REGISTRY),
                    d.get(SuiteContracts.WORK_REGISTRY))));
    private static final byte[] NO_ROLE = new byte[32];
    private static final String NO_ACCOUNT = "0x0000000000000000000000000000000000000000";
    private static final StaticGasProvider GAS = new StaticGasProvider(BigInteger.ZERO, BigInteger.valueOf(15_000_000));

    /** MemberRegistry's MemberStatus, in declaration order. */
    public enum MemberStatus { NONE, ACTIVE, SUSPENDED }

    private final Web3j web3j;
    private final long chainId;
    private final Credentials proposer;
    private final Credentials approver;

    /** Governance by the local consortium's development admins 1 (proposes) and 2 (approves). */
    public ConsortiumBootstrap(String rpcUrl) {
        this(rpcUrl, DevKeys.admin(1), DevKeys.admin(2));
    }

    /** Governance by two admins of the registry: one proposes each change, the other approves it (quorum 2). */
    public ConsortiumBootstrap(String rpcUrl, Credentials proposer, Credentials approver) {
        this.proposer = proposer;
        this.approver = approver;
        this.web3j = Web3j.build(new HttpService(rpcUrl));
        try {
            this.chainId = web3j.ethChainId().send().getChainId().longValueExact();
        } catch (IOException e) {
            throw new IllegalStateException("chain node at " + rpcUrl + " unreachable: " + e.getMessage(), e);
        }
    }

    /** Deploys MemberRegistry (admins 1-3, quorum 2), then every registry of {@link #REGISTRIES} governed by it. */
    public SuiteContracts deploy(String rpcUrl) {
        try {
            var admins = List.of(DevKeys.admin(1), DevKeys.admin(2), DevKeys.admin(3));
            var manager = manager(admins.getFirst());
            var registry = MemberRegistry.deploy(web3j, manager, GAS,
                    admins.stream().map(Credentials::getAddress).toList(), BigInteger.TWO).send();
            var addresses = new LinkedHashMap<String, String>();
            addresses.put(SuiteContracts.MEMBER_REGISTRY, registry.getContractAddress());
            for (var entry : REGISTRIES.entrySet()) {
                addresses.put(entry.getKey(), entry.getValue().deploy(web3j, manager, GAS, addresses).send().getContractAddress());
            }
            return new SuiteContracts(rpcUrl, chainId, addresses);
        } catch (Exception e) {
            throw new IllegalStateException("deploying the suite contracts failed: " + e.getMessage(), e);
        }
    }

    /** The names of the contracts {@link #deploy} deploys. */
    public static List<String> contractNames() {
        var names = new java.util.ArrayList<String>();
        names.add(SuiteContracts.MEMBER_REGISTRY);
        names.addAll(REGISTRIES.keySet());
        return names;
    }

    @SafeVarargs
    private static <V> Map<String, V> orderedMap(Map.Entry<String, V>... entries) {
        var map = new LinkedHashMap<String, V>();
        for (var entry : entries) {
            map.put(entry.getKey(), entry.getValue());
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    /** Admits a member with its first account and grants it the given roles. */
    public void admit(SuiteContracts contracts, String alias, String account, Collection<byte[]> roles) {
        byte[] memberId = memberId(alias);
        decide(contracts, Action.ADMIT_MEMBER, memberId, account, NO_ROLE);
        for (byte[] role : roles) {
            decide(contracts, Action.GRANT_ROLE, memberId, NO_ACCOUNT, role);
        }
    }

    /** Adds a further account (e.g. an app service's signing key) to an admitted member. */
    public void addAccount(SuiteContracts contracts, String alias, String account) {
        decide(contracts, Action.ADD_ACCOUNT, memberId(alias), account, NO_ROLE);
    }

    public void grantRole(SuiteContracts contracts, String alias, byte[] role) {
        decide(contracts, Action.GRANT_ROLE, memberId(alias), NO_ACCOUNT, role);
    }

    /** Whether the member holds a role (whatever its status). */
    public boolean hasMemberRole(SuiteContracts contracts, String alias, byte[] role) {
        return read(contracts, "the roles of " + alias, r -> r.hasMemberRole(memberId(alias), role).send());
    }

    /** Suspends a member: its accounts keep their identity on chain but lose every role until reinstated. */
    public void suspend(SuiteContracts contracts, String alias) {
        decide(contracts, Action.SUSPEND_MEMBER, memberId(alias), NO_ACCOUNT, NO_ROLE);
    }

    public void reinstate(SuiteContracts contracts, String alias) {
        decide(contracts, Action.REINSTATE_MEMBER, memberId(alias), NO_ACCOUNT, NO_ROLE);
    }

    public long chainId() {
        return chainId;
    }

    /** A member's status on chain (NONE when never admitted). */
    public MemberStatus memberStatus(SuiteContracts contracts, String alias) {
        return MemberStatus.values()[read(contracts, "the status of " + alias,
                r -> r.memberStatus(memberId(alias)).send()).intValueExact()];
    }

    /** The member an account belongs to (32 zero bytes when none). */
    public byte[] memberOf(SuiteContracts contracts, String account) {
        return read(contracts, "the member of " + account, r -> r.memberOf(account).send());
    }

    /** Whether an account may act with a role (its member is active and holds the role). */
    public boolean hasRole(SuiteContracts contracts, byte[] role, String account) {
        return read(contracts, "the roles of " + account, r -> r.hasRole(role, account).send());
    }

    private interface RegistryRead<T> {
        T from(MemberRegistry registry) throws Exception;
    }

    /** One view call of the registry; a failure names what was being read. */
    private <T> T read(SuiteContracts contracts, String what, RegistryRead<T> call) {
        try {
            return call.from(MemberRegistry.load(contracts.memberRegistry(), web3j,
                    new org.web3j.tx.ReadonlyTransactionManager(web3j, null), GAS));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * A role's id on chain: keccak256 of its name. The names are those of {@code ConsortiumRole} in
     * shared-chain-client's API (this module is built before it: the chain client's tests start the
     * stack); ConsortiumRoleTest checks the roles the bootstrap grants against it.
     */
    public static byte[] role(String name) {
        return Hash.sha3(name.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] memberId(String alias) {
        return Hash.sha3(alias.getBytes(StandardCharsets.UTF_8));
    }

    private void decide(SuiteContracts contracts, Action action, byte[] memberId, String account, byte[] role) {
        try {
            var proposing = MemberRegistry.load(contracts.memberRegistry(), web3j, manager(proposer), GAS);
            TransactionReceipt proposed = proposing.propose(BigInteger.valueOf(action.ordinal()), memberId, account, role).send();
            requireSuccess(proposed, action + " proposal");
            BigInteger proposalId = MemberRegistry.getProposalCreatedEvents(proposed).getFirst().proposalId;
            var approving = MemberRegistry.load(contracts.memberRegistry(), web3j, manager(approver), GAS);
            requireSuccess(approving.approve(proposalId).send(), action + " approval");
        } catch (Exception e) {
            throw new IllegalStateException(action + " failed: " + e.getMessage(), e);
        }
    }

    private static void requireSuccess(TransactionReceipt receipt, String what) {
        if (!receipt.isStatusOK()) {
            throw new IllegalStateException(what + " reverted in " + receipt.getTransactionHash());
        }
    }

    private RawTransactionManager manager(Credentials credentials) {
        return new RawTransactionManager(web3j, credentials, chainId,
                new PollingTransactionReceiptProcessor(web3j, 20, 3000));
    }

    @Override
    public void close() {
        web3j.shutdown();
    }
}
