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

    /** The signing key an app service uses until per-organisation signing arrives. */
    public static Credentials service(String app) {
        return of("service/" + app);
    }
}
