package org.alliancechain.evidence.verify;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whom a verifier trusts: the roots that document signers must chain to, the roots of accepted
 * time-stamping authorities, and where current CRLs come from (besides those embedded in the PDF).
 */
public record TrustAnchors(List<X509Certificate> signerRoots, List<X509Certificate> tsaRoots,
                           Function<X509Certificate, Optional<X509CRL>> currentCrl) {

    public TrustAnchors {
        signerRoots = List.copyOf(signerRoots);
        tsaRoots = List.copyOf(tsaRoots);
    }

    /** Trust these roots; revocation only from what the documents embed. */
    public static TrustAnchors of(List<X509Certificate> signerRoots, List<X509Certificate> tsaRoots) {
        return new TrustAnchors(signerRoots, tsaRoots, issuer -> Optional.empty());
    }
}
