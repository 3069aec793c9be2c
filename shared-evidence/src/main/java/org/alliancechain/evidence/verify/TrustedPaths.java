package org.alliancechain.evidence.verify;

import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Whether a certificate chain leads to a trusted root and was valid at a given time (PKIX, revocation checked apart). */
final class TrustedPaths {

    private TrustedPaths() {
    }

    /**
     * Paths that validated, by their certificates and roots, with the window in which all their
     * certificates are valid: most documents share a handful of chains, and re-checking signatures
     * that already held is where verification time went.
     */
    private static final Map<String, long[]> VALID_PATHS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Null when the chain leads to one of the roots and every certificate was valid at the time; else the reason. */
    static String chainsTo(java.security.cert.Certificate[] chain, List<X509Certificate> roots, Date at) {
        String key = pathKey(chain, roots);
        long[] window = key == null ? null : VALID_PATHS.get(key);
        if (window != null && at.getTime() >= window[0] && at.getTime() <= window[1]) {
            return null;
        }
        String problem = validatePath(chain, roots, at);
        if (problem == null && key != null) {
            if (VALID_PATHS.size() > 10_000) {
                VALID_PATHS.clear();
            }
            long notBefore = Long.MIN_VALUE;
            long notAfter = Long.MAX_VALUE;
            for (var c : chain) {
                var x = (X509Certificate) c;
                notBefore = Math.max(notBefore, x.getNotBefore().getTime());
                notAfter = Math.min(notAfter, x.getNotAfter().getTime());
            }
            VALID_PATHS.put(key, new long[] {notBefore, notAfter});
        }
        return problem;
    }

    private static String pathKey(java.security.cert.Certificate[] chain, List<X509Certificate> roots) {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256");
            for (var c : chain) {
                digest.update(c.getEncoded());
            }
            digest.update((byte) 0);
            for (var r : roots) {
                digest.update(r.getEncoded());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (Exception e) {
            return null;
        }
    }

    private static String validatePath(java.security.cert.Certificate[] chain, List<X509Certificate> roots, Date at) {
        try {
            var factory = CertificateFactory.getInstance("X.509");
            var certificates = Arrays.stream(chain).map(c -> (X509Certificate) c)
                    .filter(c -> !c.getSubjectX500Principal().equals(c.getIssuerX500Principal())).toList();
            var path = factory.generateCertPath(certificates);
            var parameters = new PKIXParameters(roots.stream().map(r -> new TrustAnchor(r, null)).collect(Collectors.toSet()));
            parameters.setRevocationEnabled(false);
            parameters.setDate(at);
            CertPathValidator.getInstance("PKIX").validate(path, parameters);
            return null;
        } catch (Exception e) {
            return "the certificate chain is not trusted here (" + e.getMessage() + ")";
        }
    }
}
