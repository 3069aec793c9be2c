package org.alliancechain.service.evidence;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.security.cert.CRLException;
import java.security.cert.X509Certificate;
import org.alliancechain.evidence.pki.DevPki;
import org.alliancechain.evidence.pki.Pem;
import org.alliancechain.evidence.pkg.EvidencePackage;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** What relying parties fetch without an account: the CRLs our certificates point to, and the roots with their fingerprints. */
@Path("/pki")
@PermitAll
public class PkiResource {

    private final DevPki pki;

    PkiResource(DevPki pki) {
        this.pki = pki;
    }

    @GET
    @Path("/root.crl")
    @Produces("application/pkix-crl")
    @Operation(summary = "The current CRL of the document-signing root")
    public byte[] rootCrl() throws CRLException {
        return pki.crl().getEncoded();
    }

    @GET
    @Path("/tsa-root.crl")
    @Produces("application/pkix-crl")
    @Operation(summary = "The current CRL of the time-stamping root")
    public byte[] tsaRootCrl() throws CRLException {
        return pki.tsaCrl().getEncoded();
    }

    @GET
    @Path("/roots.pem")
    @Produces("application/x-pem-file")
    @Operation(summary = "The document-signing and time-stamping roots (PEM), each preceded by its SHA-256 fingerprint")
    public String roots() {
        return pem(pki.rootCertificate()) + pem(pki.tsaRootCertificate());
    }

    private static String pem(X509Certificate certificate) {
        return "# " + certificate.getSubjectX500Principal().getName() + "\n# SHA-256 " + EvidencePackage.fingerprint(certificate)
                + "\n" + Pem.certificate(certificate);
    }
}
