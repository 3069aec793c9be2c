package org.alliancechain.evidence.pkg;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.alliancechain.evidence.CanonicalJson;
import org.alliancechain.evidence.verify.CertificateVerifier;
import org.alliancechain.evidence.verify.TrustAnchors;

/**
 * {@code ./verify-evidence}: checks an evidence package, or a certificate PDF with or without its
 * original file, against any JSON-RPC node of the chain. No database, no login, no suite service.
 * Exit status: 0 valid, 1 invalid or modified, 2 indeterminate, 64 usage error.
 */
public final class OfflineVerifier {

    static final String USAGE = """
            Usage: ./verify-evidence --rpc <node URL> [--trust <root.pem>]... [--json] <package.zip | certificate.pdf [original file]>

              --rpc URL        any Ethereum JSON-RPC endpoint of the consortium chain (read-only use: eth_chainId, eth_call)
              --trust FILE     a root certificate (PEM) you trust for document signers and time-stamping authorities;
                               without it, the roots inside the package are used and their fingerprints printed
                               so you can compare them with the published ones
              --json           print the report as JSON instead of text
            """;

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String rpc = null;
        boolean json = false;
        List<Path> trustFiles = new ArrayList<>();
        List<Path> inputs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rpc" -> rpc = i + 1 < args.length ? args[++i] : null;
                case "--trust" -> {
                    if (i + 1 < args.length) {
                        trustFiles.add(Path.of(args[++i]));
                    }
                }
                case "--json" -> json = true;
                case "-h", "--help" -> {
                    out.print(USAGE);
                    return 0;
                }
                default -> inputs.add(Path.of(args[i]));
            }
        }
        if (rpc == null || inputs.isEmpty() || inputs.size() > 2) {
            err.print(USAGE);
            return 64;
        }
        try {
            byte[] pdf;
            byte[] original = null;
            List<X509Certificate> roots = new ArrayList<>();
            for (var file : trustFiles) {
                roots.addAll(certificates(Files.readAllBytes(file)));
            }
            byte[] first = Files.readAllBytes(inputs.getFirst());
            if (isZip(first)) {
                var contents = EvidencePackage.read(new ByteArrayInputStream(first));
                pdf = contents.certificate();
                original = contents.originals().isEmpty() ? null : contents.originals().values().iterator().next();
                if (roots.isEmpty()) {
                    for (byte[] pem : contents.trustPem()) {
                        roots.addAll(certificates(pem));
                    }
                    err.println("Trusting the roots inside the package. Compare their SHA-256 fingerprints with the published ones:");
                    roots.forEach(r -> err.println("  " + EvidencePackage.fingerprint(r) + "  " + r.getSubjectX500Principal().getName()));
                }
            } else {
                pdf = first;
            }
            if (inputs.size() == 2) {
                original = Files.readAllBytes(inputs.get(1));
            }
            var verifier = new CertificateVerifier(TrustAnchors.of(roots, roots), org.alliancechain.chain.api.AnchorLookup.overJsonRpc(URI.create(rpc), Duration.ofSeconds(15)));
            var report = verifier.verify(pdf, original);
            out.print(json ? CanonicalJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n" : report.toText());
            return switch (report.verdict()) {
                case VALID -> 0;
                case INVALID, MODIFIED -> 1;
                case INDETERMINATE -> 2;
            };
        } catch (IOException | RuntimeException e) {
            err.println("verify-evidence: " + e.getMessage());
            return 64;
        }
    }

    private static boolean isZip(byte[] data) {
        return data.length > 3 && data[0] == 'P' && data[1] == 'K' && data[2] == 3 && data[3] == 4;
    }

    private static List<X509Certificate> certificates(byte[] pem) throws IOException {
        try {
            return CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem)).stream()
                    .map(c -> (X509Certificate) c).toList();
        } catch (java.security.cert.CertificateException e) {
            throw new IOException("not a PEM certificate: " + e.getMessage(), e);
        }
    }
}
