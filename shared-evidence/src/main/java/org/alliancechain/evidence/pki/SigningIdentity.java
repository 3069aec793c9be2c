package org.alliancechain.evidence.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A private key and its certificate chain, leaf first (the root last). Only the key custody hands
 * these out; the key is never logged, serialised or returned by an API — see {@link #toString()}.
 */
public record SigningIdentity(PrivateKey privateKey, List<X509Certificate> chain) {

    public SigningIdentity {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a signing identity needs its certificate");
        }
        chain = List.copyOf(chain);
    }

    public X509Certificate certificate() {
        return chain.getFirst();
    }

    /** The subject's distinguished name, e.g. {@code CN=Hangzhou Arbitration Commission, O=hz-arbitration}. */
    public String subject() {
        return certificate().getSubjectX500Principal().getName();
    }

    @Override
    public String toString() {
        return "SigningIdentity[" + subject() + ", key hidden]";
    }
}
