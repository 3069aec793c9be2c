package org.alliancechain.localstack;

import java.nio.file.Path;
import java.util.List;

/**
 * The demo consortium of the local stack: the member organisations of deploy/keycloak's realm,
 * each admitted on chain with its own account plus one account per app service (the key that
 * service signs with for it), and the app services' own accounts under the consortium office.
 */
public final class DemoConsortium {

    /** Organisation aliases, as in deploy/keycloak/alliance-realm.json. */
    public static final List<String> ORGANISATIONS = List.of(
            "consortium-office", "hz-arbitration", "sz-arbitration", "tax-bureau", "tax-bureau-gz",
            "acme-trading", "nova-manufacturing", "blue-bank", "river-bank", "daily-news", "pixel-studio");

    public static final String OPERATOR = "consortium-office";

    private DemoConsortium() {
    }

    /**
     * Deploys the contracts, admits the founding member (the consortium office, with the services'
     * own accounts) and, with {@code allMembers}, every other demo member with one account per
     * service; returns the addresses.
     */
    public static SuiteContracts deployAndSeed(String rpcUrl, boolean allMembers) {
        try (var bootstrap = new ConsortiumBootstrap(rpcUrl)) {
            var contracts = bootstrap.deploy(rpcUrl);
            for (String alias : allMembers ? ORGANISATIONS : List.of(OPERATOR)) {
                bootstrap.admit(contracts, alias, DevKeys.organisation(alias).getAddress(), rolesOf(alias));
                for (var app : SuiteApp.values()) {
                    bootstrap.addAccount(contracts, alias, DevKeys.organisation(alias, app.id()).getAddress());
                }
            }
            for (var app : SuiteApp.values()) {
                bootstrap.addAccount(contracts, OPERATOR, DevKeys.service(app.id()).getAddress());
            }
            // The supply-finance registry pledges invoices as a member of its own whose one account is the contract.
            bootstrap.admit(contracts, ConsortiumBootstrap.FINANCING_REGISTRY_MEMBER, contracts.address(SuiteContracts.RECEIVABLE_REGISTRY),
                    List.of(ConsortiumBootstrap.role("FINANCING_REGISTRY")));
            return contracts;
        }
    }

    /** The arbitration commissions of the demo consortium; every other member may be a party to arbitration. */
    public static final List<String> COMMISSIONS = List.of("hz-arbitration", "sz-arbitration");

    /** The tax bureaus of the demo consortium: they authorise invoice issuers in InvoiceRegistry. */
    public static final List<String> TAX_BUREAUS = List.of("tax-bureau", "tax-bureau-gz");

    /** The core enterprises of the demo supply chain: they confirm payables in ReceivableRegistry. */
    public static final List<String> CORE_ENTERPRISES = List.of("nova-manufacturing", "acme-trading");

    /** The banks of the demo consortium: they quote and pay financings of receivables. */
    public static final List<String> FINANCIERS = List.of("blue-bank", "river-bank");

    /**
     * The media houses of the demo consortium: they register works in WorkRegistry and grant licences in
     * LicenceRegistry (realm users rights.daily, rights.pixel). Any other active member may be a licensee
     * (licensee.acme, licensee.nova); the chain needs no role for that.
     */
    public static final List<String> RIGHTS_HOLDERS = List.of("daily-news", "pixel-studio");

    /**
     * The names of the roles a demo member holds on chain: anchoring for all, the commission's or a
     * party's in arbitration, a tax bureau's for the bureaus, a core enterprise's or a financier's in
     * supply finance, a rights holder's for the media houses, and the platform operator's (the
     * business calendar) for the consortium office.
     */
    public static List<String> roleNamesOf(String alias) {
        if (alias.equals(OPERATOR)) {
            return List.of("ANCHORER", "PLATFORM_OPERATOR");
        }
        var roles = new java.util.ArrayList<>(List.of("ANCHORER", COMMISSIONS.contains(alias) ? "ODR_COMMISSION" : "ODR_PARTY"));
        if (TAX_BUREAUS.contains(alias)) {
            roles.add("TAX_BUREAU");
        }
        if (CORE_ENTERPRISES.contains(alias)) {
            roles.add("CORE_ENTERPRISE");
        }
        if (FINANCIERS.contains(alias)) {
            roles.add("FINANCIER");
        }
        if (RIGHTS_HOLDERS.contains(alias)) {
            roles.add("RIGHTS_HOLDER");
        }
        return List.copyOf(roles);
    }

    /** The ids of the roles a demo member holds on chain (see {@link #roleNamesOf}). */
    public static List<byte[]> rolesOf(String alias) {
        return roleNamesOf(alias).stream().map(ConsortiumBootstrap::role).toList();
    }

    /**
     * Fills an app service's development key custody: its own key ("service") and the key it signs
     * with for each demo organisation (key id = the organisation's alias). Returns the directory.
     */
    public static Path writeCustody(Path directory, String appId) {
        DevKeystores.write(directory, "service", DevKeys.service(appId));
        for (String alias : ORGANISATIONS) {
            DevKeystores.write(directory, alias, DevKeys.organisation(alias, appId));
        }
        return directory;
    }
}
