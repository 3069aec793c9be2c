package org.alliancechain.localstack;

import java.nio.charset.StandardCharsets;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * Deterministic keys for the local development consortium only: anyone can recompute them from
 * their name, so they must never hold anything of value. Production keys live in key custody.
 */
public final class DevKeys {

    private DevKeys() {
    }

    public static Credentials of(String name) {
        byte[] seed = Hash.sha3(("alliance-chain-suite/dev-key/" + name).getBytes(StandardCharsets.UTF_8));
        return Credentials.create(Numeric.toHexStringNoPrefixZeroPadded(Numeric.toBigInt(seed), 64));
    }

    public static Credentials admin(int index) {
        return of("consortium-admin/" + index);
    }

    public static Credentials organisation(String alias) {
        return of("organisation/" + alias);
    }

    /**
     * An organisation's account in one app service: each service signs for an organisation with a
     * key of its own (registered on chain as a further account of the member), so two services never
     * compete for one account's nonces.
     */
    public static Credentials organisation(String alias, String app) {
        return of("organisation/" + alias + "/" + app);
    }

    /** An app service's own key, for writes made for no organisation. */
    public static Credentials service(String app) {
        return of("service/" + app);
    }
}
