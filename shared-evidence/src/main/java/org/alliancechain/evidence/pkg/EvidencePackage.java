package org.alliancechain.evidence.pkg;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.alliancechain.evidence.CanonicalJson;
import org.alliancechain.evidence.pdf.EvidenceCertificate;
import org.alliancechain.evidence.pki.Pem;

/**
 * An evidence package: one ZIP a party hands to a court or an auditor. It holds the original files
 * ({@code original/…}), the signed certificate ({@code certificate.pdf}), the record
 * ({@code record.json}), its proof ({@code proof.json}), the RFC 3161 token over the record digest
 * ({@code timestamp.tsr}), the roots the issuer used ({@code trust/*.pem}, to be compared with the
 * published fingerprints) and a README saying how to check all of it with or without our tools.
 */
public final class EvidencePackage {

    public static final String CERTIFICATE = "certificate.pdf";
    public static final String RECORD = "record.json";
    public static final String PROOF = "proof.json";
    public static final String TIMESTAMP = "timestamp.tsr";
    public static final String EVIDENCE_RECORD = "timestamp.ers";
    public static final String ORIGINALS = "original/";
    public static final String TRUST = "trust/";

    /** Reading limits: a package is a handful of files, not an archive bomb. */
    public static final int MAX_ENTRIES = 200;
    public static final long MAX_TOTAL_BYTES = 512L * 1024 * 1024;

    /** What a package holds, read back. */
    public record Contents(byte[] certificate, Map<String, byte[]> originals, byte[] record, byte[] proof, byte[] timestamp,
                           List<byte[]> trustPem) {
    }

    private EvidencePackage() {
    }

    public static void write(OutputStream out, EvidenceCertificate certificate, byte[] signedPdf, Map<String, byte[]> originals,
                             List<X509Certificate> roots) throws IOException {
        try (var zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            put(zip, "README.txt", readme(certificate, originals, roots).getBytes(StandardCharsets.UTF_8));
            put(zip, CERTIFICATE, signedPdf);
            put(zip, RECORD, certificate.record().canonicalBytes());
            var proof = CanonicalJson.MAPPER.valueToTree(certificate.proof());
            ((com.fasterxml.jackson.databind.node.ObjectNode) proof).put("recordAlgorithm", certificate.recordAlgorithm().id())
                    .put("anchoredAt", certificate.anchoredAt().toString());
            put(zip, PROOF, CanonicalJson.canonicalize(proof));
            byte[] stamp = certificate.itemTimestamp();
            if (stamp != null && org.alliancechain.evidence.tsa.ArchiveTimeStamps.isEvidenceRecord(stamp)) {
                put(zip, EVIDENCE_RECORD, stamp);
                put(zip, TIMESTAMP, org.alliancechain.evidence.tsa.ArchiveTimeStamps.tokenBytes(stamp));
            } else if (stamp != null) {
                put(zip, TIMESTAMP, stamp);
            }
            for (var original : originals.entrySet()) {
                put(zip, ORIGINALS + safeName(original.getKey()), original.getValue());
            }
            for (int i = 0; i < roots.size(); i++) {
                put(zip, TRUST + "root-" + (i + 1) + ".pem", Pem.certificate(roots.get(i)).getBytes(StandardCharsets.US_ASCII));
            }
        }
    }

    /** Reads a package, refusing what no package of ours contains: paths that climb out, too many or too large entries. */
    public static Contents read(InputStream in) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long total = 0;
        try (var zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String name = entry.getName();
                if (name.startsWith("/") || name.contains("..") || name.contains("\\") || name.contains(":")) {
                    throw new IOException("the package contains an unsafe path: " + name);
                }
                if (entry.isDirectory()) {
                    continue;
                }
                if (entries.size() >= MAX_ENTRIES) {
                    throw new IOException("the package has more than " + MAX_ENTRIES + " files");
                }
                var buffer = new ByteArrayOutputStream();
                byte[] chunk = new byte[64 * 1024];
                for (int n; (n = zip.read(chunk)) > 0; ) {
                    total += n;
                    if (total > MAX_TOTAL_BYTES) {
                        throw new IOException("the package unpacks to more than " + MAX_TOTAL_BYTES / (1024 * 1024) + " MB");
                    }
                    buffer.write(chunk, 0, n);
                }
                entries.put(name, buffer.toByteArray());
            }
        }
        if (!entries.containsKey(CERTIFICATE)) {
            throw new IOException("not an evidence package: no " + CERTIFICATE);
        }
        Map<String, byte[]> originals = new LinkedHashMap<>();
        List<byte[]> trust = new ArrayList<>();
        entries.forEach((name, content) -> {
            if (name.startsWith(ORIGINALS)) {
                originals.put(name.substring(ORIGINALS.length()), content);
            } else if (name.startsWith(TRUST)) {
                trust.add(content);
            }
        });
        return new Contents(entries.get(CERTIFICATE), originals, entries.get(RECORD), entries.get(PROOF), entries.get(TIMESTAMP), trust);
    }

    /** SHA-256 fingerprint of a certificate, as people compare them (AB:CD:…). */
    public static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String readme(EvidenceCertificate certificate, Map<String, byte[]> originals, List<X509Certificate> roots) {
        var proof = certificate.proof();
        var out = new StringBuilder();
        out.append("证据包 / Evidence package — ").append(certificate.number()).append("\n\n");
        out.append(certificate.title().chinese()).append(" / ").append(certificate.title().english()).append('\n');
        out.append("Issued by / 出具机构: ").append(certificate.issuerName()).append("\n\n");
        out.append("Contents / 内容\n");
        out.append("  certificate.pdf   the signed certificate (PAdES), also embedding record.json, proof.json, timestamp.tsr\n");
        out.append("  record.json       the attested record, RFC 8785 canonical JSON\n");
        out.append("  proof.json        Merkle inclusion proof of the record digest and where its root is anchored\n");
        boolean shared = certificate.itemTimestamp() != null
                && org.alliancechain.evidence.tsa.ArchiveTimeStamps.isEvidenceRecord(certificate.itemTimestamp());
        if (shared) {
            out.append("  timestamp.tsr     RFC 3161 time-stamp token over the root of the records stamped together with this one\n");
            out.append("  timestamp.ers     RFC 4998 evidence record: the record digest's hash-tree path to that root, and the token\n");
        } else {
            out.append("  timestamp.tsr     RFC 3161 time-stamp token over the record digest\n");
        }
        originals.keySet().forEach(name -> out.append("  original/").append(safeName(name)).append("   an original file\n"));
        out.append("  trust/*.pem       the roots the issuer used; compare their SHA-256 fingerprints with the published ones:\n");
        roots.forEach(r -> out.append("                    ").append(fingerprint(r)).append("  ").append(r.getSubjectX500Principal().getName()).append('\n'));
        out.append("\nCheck it with our offline verifier (no account, no database), against any node of the chain:\n");
        out.append("  ./verify-evidence --rpc <node URL> this-package.zip\n");
        out.append("\nOr by hand (docs/hashing.md and docs/proofs.md of the Alliance Chain Suite):\n");
        out.append("  1. sha256sum original/*            -> equals file.sha256 in record.json\n");
        out.append("  2. ").append(certificate.recordAlgorithm() == org.alliancechain.evidence.HashAlgorithm.SHA256 ? "sha256sum" : "SM3 of")
                .append(" record.json          -> equals itemDigest in proof.json (").append(certificate.recordDigestHex()).append(")\n");
        if (shared) {
            out.append("  3. any RFC 4998 validator (BouncyCastle ERSEvidenceRecord, EU DSS) with timestamp.ers and record.json; or by hand:\n")
                    .append("     hash each list of the reduced hash tree in ascending byte order (docs/proofs.md) up to the root, then\n")
                    .append("     openssl ts -verify -digest <root> -in timestamp.tsr -token_in -CAfile trust/<tsa root>.pem\n");
        } else {
            out.append("  3. openssl ts -verify -data record.json -in timestamp.tsr -token_in -CAfile trust/<tsa root>.pem   (SHA-256 records)\n");
        }
        out.append("  4. recompute the Merkle root from itemDigest and auditPath (RFC 9162)  -> equals root in proof.json\n");
        out.append("  5. cast call ").append(proof.anchorRegistry()).append(" \"anchorOf(bytes32)(bytes32,bytes32,uint32,uint64,uint64)\" 0x")
                .append(proof.batchId()).append(" --rpc-url <node>   -> the same root, leafCount = treeSize\n");
        out.append("  6. open certificate.pdf in a PDF reader or EU DSS: the signature is PAdES, time-stamped\n");
        out.append("\nAnchored on chain ").append(proof.chainId()).append(" in transaction ").append(proof.transactionHash())
                .append(", block ").append(proof.blockNumber()).append(" (").append(certificate.anchoredAt()).append(").\n");
        return out.toString();
    }

    private static String safeName(String name) {
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        return base.isBlank() || base.equals("..") || base.equals(".") ? "file" : base;
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
