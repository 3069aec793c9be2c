package org.alliancechain.evidence.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.alliancechain.evidence.HashAlgorithm;
import org.alliancechain.evidence.fixture.EvidenceFixture;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.alliancechain.testsupport.TestTools;

/** Tools we did not write read our certificates: a PDF renderer plus a QR decoder, poppler's pdfsig, openssl. */
class IndependentToolsTest {

    @Test
    void theQrCodeOnTheRenderedPageReadsBackAsTheVerificationUrl() throws Exception {
        var certificate = EvidenceFixture.anchored(List.of(EvidenceFixture.record("二维码 QR", EvidenceFixture.someFile())),
                HashAlgorithm.SM3).getFirst();
        byte[] pdf = EvidenceFixture.sign(certificate, PadesSigner.Level.B_T);
        try (var document = Loader.loadPDF(pdf)) {
            // TRY_HARDER, as scanning apps do: without it ZXing's whole-page finder search misses some codes at exactly
            // 150 dpi depending on where the layout puts them (the same with the iText-drawn certificates before ADR 0010).
            // Even so, for some random certificates it misses the code at one resolution and reads it at another, as a phone
            // held a little closer does: the page is read at 150, 200 and 300 dpi, and the first code found must be the URL.
            var hints = new java.util.EnumMap<com.google.zxing.DecodeHintType, Object>(com.google.zxing.DecodeHintType.class);
            hints.put(com.google.zxing.DecodeHintType.TRY_HARDER, true);
            com.google.zxing.Result result = null;
            for (int dpi : new int[] {150, 200, 300}) {
                var image = new PDFRenderer(document).renderImageWithDPI(0, dpi);
                try {
                    result = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))), hints);
                    break;
                } catch (com.google.zxing.NotFoundException notAtThisResolution) {
                    // try the next resolution
                }
            }
            assertThat(result).as("a QR code on the rendered page at 150, 200 or 300 dpi").isNotNull();
            assertThat(result.getText()).isEqualTo(certificate.verificationUrl());
        }
    }

    @Test
    void popplersPdfsigFindsTheSignatureValid(@TempDir Path dir) throws Exception {
        TestTools.assume(TestTools.PDFSIG, "poppler's pdfsig check of the signed PDF");
        var pdf = Files.write(dir.resolve("certificate.pdf"), EvidenceFixture.signedCertificate(PadesSigner.Level.B_LT, EvidenceFixture.someFile()));
        String out = run(dir, "pdfsig", pdf.toString());
        assertThat(out).contains("Signer Certificate Common Name: 杭州仲裁委员会 Hangzhou Arbitration Commission")
                .contains("Signature Validation: Signature is Valid.");
        // pdfsig trusts only what is in its NSS database; the development root is not, and it says so.
        assertThat(out).contains("Certificate issuer isn't Trusted");

        byte[] broken = Files.readAllBytes(pdf);
        int at = new String(broken, StandardCharsets.ISO_8859_1).indexOf("Evidence certificate");
        broken[at] = 'e';
        Files.write(pdf, broken);
        assertThat(run(dir, "pdfsig", pdf.toString())).doesNotContain("Signature is Valid.");
    }

    @Test
    void opensslVerifiesTheRecordTimestampEmbeddedInTheCertificate(@TempDir Path dir) throws Exception {
        TestTools.assume(TestTools.OPENSSL, "the independent openssl check");
        var certificate = EvidenceFixture.anchored(List.of(EvidenceFixture.record("时间戳 timestamp", EvidenceFixture.someFile())),
                HashAlgorithm.SHA256).getFirst();
        Files.write(dir.resolve("record.json"), certificate.record().canonicalBytes());
        Files.write(dir.resolve("timestamp.tsr"), certificate.itemTimestamp());
        Files.writeString(dir.resolve("tsa-root.pem"), org.alliancechain.evidence.pki.Pem.certificate(EvidenceFixture.PKI.tsaRootCertificate()));
        // docs/hashing.md: the record digest is SHA-256 over record.json as embedded (already canonical).
        String out = run(dir, "openssl", "ts", "-verify", "-data", "record.json", "-in", "timestamp.tsr", "-token_in", "-CAfile", "tsa-root.pem");
        assertThat(out).contains("Verification: OK");
    }

    private static String run(Path dir, String... command) throws Exception {
        var process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
