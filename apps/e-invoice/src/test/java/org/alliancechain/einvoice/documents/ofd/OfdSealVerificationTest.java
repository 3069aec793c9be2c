package org.alliancechain.einvoice.documents.ofd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.alliancechain.einvoice.documents.ofd.OfdSealReport.CheckName;
import org.alliancechain.einvoice.documents.ofd.OfdSealReport.Status;
import org.alliancechain.testsupport.SharedFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Our GB/T 38540 verifier against the real sealed invoices of the shared fixtures, and tampered copies of them. */
class OfdSealVerificationTest {

    @ParameterizedTest
    @ValueSource(strings = {"v4signed.ofd", "signedFile.ofd", "1.ofd"})
    void realSealedInvoicesVerifyValid(String fixture) {
        var report = OfdSealVerification.verify(SharedFixtures.bytes("ofd/" + fixture));

        report.signatures().forEach(s -> s.checks().forEach(c -> System.out.println(fixture + " " + c)));
        assertThat(report.valid()).as(report.toString()).isTrue();
        var signature = report.signatures().getFirst();
        assertThat(signature.sealName()).isNotBlank();
        assertThat(signature.sealId()).isNotBlank();
        assertThat(signature.signerSubject()).isNotBlank();
        assertThat(signature.signingTime()).isNotNull();
    }

    @Test
    void aChangedByteInContentXmlFailsOnlyTheFileDigest() throws IOException {
        byte[] tampered = rewrite(SharedFixtures.bytes("ofd/v4signed.ofd"), "Doc_0/Pages/Page_0/Content.xml", content -> {
            var copy = content.clone();
            int i = new String(copy, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("300.00");
            copy[i] = '9';
            return copy;
        });

        var signature = OfdSealVerification.verify(tampered).signatures().getFirst();

        assertThat(signature.valid()).isFalse();
        assertThat(signature.check(CheckName.REFERENCED_FILES).status()).isEqualTo(Status.FAILED);
        assertThat(signature.check(CheckName.REFERENCED_FILES).detail()).contains("Doc_0/Pages/Page_0/Content.xml was changed");
        assertThat(signature.check(CheckName.SIGNATURE_VALUE).status()).isEqualTo(Status.PASSED);
    }

    @Test
    void aChangedSignatureXmlFailsTheSignedDataHash() throws IOException {
        byte[] tampered = rewrite(SharedFixtures.bytes("ofd/v4signed.ofd"), "Doc_0/Signs/Sign_0/Signature.xml",
                content -> new String(content, java.nio.charset.StandardCharsets.UTF_8).replace("Company=\"BW\"", "Company=\"XX\"")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));

        var signature = OfdSealVerification.verify(tampered).signatures().getFirst();

        assertThat(signature.check(CheckName.SIGNED_DATA_HASH).status()).isEqualTo(Status.FAILED);
    }

    /** 金格-style extra bytes in front of SES_Signature (swpudp/OfdSharp#6): skipped and named in the report. */
    @Test
    void extraHeaderBytesBeforeSesSignatureAreSkipped() throws IOException {
        byte[] withHeader = rewrite(SharedFixtures.bytes("ofd/signedFile.ofd"), "Doc_0/Signs/Sign_0/SignedValue.dat", value -> {
            var out = new ByteArrayOutputStream();
            out.writeBytes(new byte[] {'K', 'G', 0x01, 0x00, 0x10, 0x30, 0x00, 0x7f});
            out.writeBytes(value);
            return out.toByteArray();
        });

        var report = OfdSealVerification.verify(withHeader);

        assertThat(report.valid()).as(report.toString()).isTrue();
        assertThat(report.signatures().getFirst().check(CheckName.STRUCTURE).detail()).contains("8 extra header bytes");
    }

    @Test
    void anUnsignedInvoiceIsNotValidAndSaysWhy() {
        var report = OfdSealVerification.verify(SharedFixtures.bytes("ofd/20240531141733.ofd"));

        assertThat(report.valid()).isFalse();
        assertThat(report.problem()).contains("no signatures");
    }

    @Test
    void garbageIsAReportNotAnException() {
        var report = OfdSealVerification.verify("not an ofd".getBytes());

        assertThat(report.valid()).isFalse();
        assertThat(report.problem()).contains("unreadable OFD package");
    }

    /** A copy of an OFD with one entry replaced (entry order and other bytes kept). */
    static byte[] rewrite(byte[] ofd, String entry, UnaryOperator<byte[]> change) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(ofd))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        String key = files.containsKey(entry) ? entry : "/" + entry;
        assertThat(files).containsKey(key);
        files.put(key, change.apply(files.get(key)));
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (var e : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
