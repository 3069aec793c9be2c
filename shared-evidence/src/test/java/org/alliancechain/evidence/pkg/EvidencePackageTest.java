package org.alliancechain.evidence.pkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.alliancechain.evidence.HashAlgorithm;
import org.alliancechain.evidence.fixture.EvidenceFixture;
import org.alliancechain.evidence.pdf.EvidenceCertificate;
import org.alliancechain.evidence.pdf.PadesSigner;
import org.alliancechain.evidence.pki.Pem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidencePackageTest {

    private static byte[] file;
    private static EvidenceCertificate certificate;
    private static byte[] pdf;

    @BeforeAll
    static void issue() {
        file = EvidenceFixture.someFile();
        certificate = EvidenceFixture.anchored(List.of(EvidenceFixture.record("借款合同 Loan agreement", file)), HashAlgorithm.SHA256).getFirst();
        pdf = EvidenceFixture.sign(certificate, PadesSigner.Level.B_LT);
    }

    @Test
    void theOfflineVerifierChecksAPackageWithNothingButAnRpcUrl(@TempDir Path dir) throws Exception {
        var zip = write(dir, Map.of("contract.pdf", file));
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = OfflineVerifier.run(new String[] {"--rpc", EvidenceFixture.rpcUrl(), zip.toString()}, print(out), print(err));
        assertThat(status).as(out + "\n" + err).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("有效 VALID").contains("✓ 原始文件 Original file")
                .contains("✓ 链上根 Root on chain");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(EvidencePackage.fingerprint(EvidenceFixture.PKI.rootCertificate()));

        var contents = EvidencePackage.read(Files.newInputStream(zip));
        assertThat(contents.originals()).containsOnlyKeys("contract.pdf");
        assertThat(contents.record()).isEqualTo(certificate.record().canonicalBytes());
        assertThat(new String(readme(zip), StandardCharsets.UTF_8)).contains("./verify-evidence --rpc").contains("openssl ts -verify")
                .contains(certificate.proof().batchId());
    }

    @Test
    void aPackageWithAnotherOriginalFailsAndAnUnreachableChainIsIndeterminate(@TempDir Path dir) throws Exception {
        var forged = write(dir, Map.of("contract.pdf", "not the signed contract".getBytes(StandardCharsets.UTF_8)));
        var out = new ByteArrayOutputStream();
        assertThat(OfflineVerifier.run(new String[] {"--rpc", EvidenceFixture.rpcUrl(), forged.toString()}, print(out), print(new ByteArrayOutputStream())))
                .isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("无效 INVALID").contains("✗ 原始文件 Original file");

        var genuine = write(dir, Map.of("contract.pdf", file));
        out.reset();
        assertThat(OfflineVerifier.run(new String[] {"--rpc", "http://127.0.0.1:1", "--json", genuine.toString()}, print(out),
                print(new ByteArrayOutputStream()))).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"verdict\" : \"INDETERMINATE\"");
    }

    @Test
    void aCertificateAndItsFileCanBeCheckedWithoutAPackageAndWithExplicitTrust(@TempDir Path dir) throws Exception {
        var certificatePdf = Files.write(dir.resolve("certificate.pdf"), pdf);
        var original = Files.write(dir.resolve("contract.pdf"), file);
        var roots = Files.writeString(dir.resolve("roots.pem"), Pem.certificate(EvidenceFixture.PKI.rootCertificate()) + Pem.certificate(EvidenceFixture.PKI.tsaRootCertificate()));
        var out = new ByteArrayOutputStream();
        int status = OfflineVerifier.run(new String[] {"--rpc", EvidenceFixture.rpcUrl(), "--trust", roots.toString(),
                certificatePdf.toString(), original.toString()}, print(out), print(new ByteArrayOutputStream()));
        assertThat(status).as(out.toString()).isZero();
    }

    @Test
    void unsafeArchivesAreRefused() throws Exception {
        assertThatThrownBy(() -> EvidencePackage.read(new ByteArrayInputStream(zip("../../etc/passwd", "x"))))
                .isInstanceOf(IOException.class).hasMessageContaining("unsafe path");
        assertThatThrownBy(() -> EvidencePackage.read(new ByteArrayInputStream(zip("notes.txt", "x"))))
                .isInstanceOf(IOException.class).hasMessageContaining("no certificate.pdf");
        assertThat(OfflineVerifier.run(new String[] {"package.zip"}, print(new ByteArrayOutputStream()), print(new ByteArrayOutputStream())))
                .isEqualTo(64);
    }

    private static Path write(Path dir, Map<String, byte[]> originals) throws IOException {
        var zip = Files.createTempFile(dir, "evidence", ".zip");
        try (var out = Files.newOutputStream(zip)) {
            EvidencePackage.write(out, certificate, pdf, originals, List.of(EvidenceFixture.PKI.rootCertificate(), EvidenceFixture.PKI.tsaRootCertificate()));
        }
        return zip;
    }

    private static byte[] readme(Path zip) throws IOException {
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().equals("README.txt")) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("no README.txt");
    }

    private static byte[] zip(String name, String content) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static PrintStream print(ByteArrayOutputStream out) {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }
}
