package org.alliancechain.service.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.alliancechain.chain.api.AnchorLookup;
import org.alliancechain.evidence.pdf.CertificateRenderer;
import org.alliancechain.evidence.pdf.PadesSigner;
import org.alliancechain.evidence.pki.DevPki;
import org.alliancechain.evidence.tsa.HttpTimeStamper;
import org.alliancechain.evidence.tsa.TimeStampAuthority;
import org.alliancechain.evidence.tsa.TimeStamper;
import org.alliancechain.evidence.verify.CertificateVerifier;
import org.alliancechain.evidence.verify.TrustAnchors;

/** The evidence building blocks of shared-evidence, configured once per service. */
@ApplicationScoped
public class EvidenceServices {

    @Produces
    @Singleton
    DevPki pki(EvidenceConfig config) {
        String crlUrl = config.publicUrl() + "/pki/root.crl";
        return config.pkiDirectory()
                .map(dir -> DevPki.openOrCreate(dir, config.pkiPassword().toCharArray(), crlUrl))
                .orElseGet(() -> DevPki.inMemory(crlUrl));
    }

    /** The built-in authority, as itself only: {@link TimeStamper} is whichever authority the configuration picks. */
    @Produces
    @Singleton
    @jakarta.enterprise.inject.Typed(TimeStampAuthority.class)
    TimeStampAuthority authority(DevPki pki) {
        return new TimeStampAuthority(pki.timeStampingIdentity());
    }

    @Produces
    @Singleton
    TimeStamper timeStamper(EvidenceConfig config, TimeStampAuthority authority) {
        return config.tsaUrl().<TimeStamper>map(url -> new HttpTimeStamper(url, config.tsaTimeout())).orElse(authority);
    }

    @Produces
    @Singleton
    CertificateRenderer renderer() {
        return new CertificateRenderer();
    }

    @Produces
    @Singleton
    PadesSigner signer(TimeStamper timeStamper, DevPki pki) {
        return new PadesSigner(timeStamper, pki::crlFor);
    }

    @Produces
    @Singleton
    /** {@code anchors}: the chain client's, through the node the service uses. */
    CertificateVerifier verifier(EvidenceConfig config, DevPki pki, AnchorLookup anchors) {
        List<X509Certificate> roots = new ArrayList<>(List.of(pki.rootCertificate(), pki.tsaRootCertificate()));
        for (var file : config.trustedRoots().orElse(List.of())) {
            try (var in = Files.newInputStream(file)) {
                CertificateFactory.getInstance("X.509").generateCertificates(in).forEach(c -> roots.add((X509Certificate) c));
            } catch (IOException | java.security.cert.CertificateException e) {
                throw new IllegalStateException("cannot read the trusted roots in " + file + ": " + e.getMessage(), e);
            }
        }
        return new CertificateVerifier(new TrustAnchors(roots, roots, pki::crlFor), anchors);
    }
}
