package org.alliancechain.chain.custody;

import java.util.Set;

/**
 * Holds the signing keys of the organisations this service acts for. The key never leaves the
 * custody: callers get a {@link TransactionSigner} that signs, and an address. Development keeps
 * encrypted keystore files ({@link KeystoreKeyCustody}); production plugs in an HSM (PKCS#11).
 */
public interface KeyCustody {

    /** The signer for a key id (an organisation alias, or "service"); fails when the key is unknown. */
    TransactionSigner signer(String keyId);

    /** The key ids this custody holds. */
    Set<String> keyIds();
}
