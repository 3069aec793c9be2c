package org.alliancechain.evidence.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.alliancechain.evidence.fixture.DssValidation;
import org.alliancechain.evidence.fixture.EvidenceFixture;
import org.alliancechain.evidence.verify.CertificateVerifier;
import org.junit.jupiter.api.Test;

/** A signed list (e.g. a case's evidence list): runs over pages with its header repeated, carries its data, validates in EU DSS. */
class ListRendererTest {

    @Test
    void aLongBilingualListIsPaginatedCarriesItsDataAndValidatesAsPadesBaselineT() throws Exception {
        var rows = new ArrayList<List<String>>();
        IntStream.rangeClosed(1, 60).forEach(i -> rows.add(List.of("C-" + i, "Claimant\nacme-trading", "送货单 Delivery note " + i + "\ndelivery-" + i + ".pdf",
                "ab".repeat(32) + "\n" + "cd".repeat(32), "ef".repeat(32), "CONFIRMED\ntx 0x" + "12".repeat(32), "—")));
        byte[] csv = "\uFEFF编号 No.,标题 Title\r\nC-1,送货单\r\n".getBytes(StandardCharsets.UTF_8);
        var listing = new ListRenderer.Listing("证据清单", "Evidence list", EvidenceFixture.ISSUER_NAME,
                List.of(Map.entry("案号  Case", "HZ-ARBITRATION-2026-000042 — 设备货款纠纷 Unpaid equipment")),
                List.of(new ListRenderer.Column("编号 No.", 0.06f), new ListRenderer.Column("提交方 Side", 0.13f),
                        new ListRenderer.Column("证据 Item", 0.21f), new ListRenderer.Column("SHA-256 / SM3", 0.2f),
                        new ListRenderer.Column("记录摘要 Record digest", 0.13f), new ListRenderer.Column("存证 Anchoring", 0.13f),
                        new ListRenderer.Column("质证 Cross-examination", 0.14f)),
                rows, "本清单由出具机构签名 · This list is signed by the issuing organisation.",
                List.of(new ListRenderer.Attachment("evidence-list.csv", "The list (CSV)", "text/csv", csv)));
        byte[] pdf = EvidenceFixture.SIGNER.sign(new ListRenderer().render(listing), EvidenceFixture.issuer(), PadesSigner.Level.B_T,
                "Evidence list", "Hangzhou");
        Files.createDirectories(Path.of("target", "certificates"));
        Files.write(Path.of("target", "certificates", "evidence-list.pdf"), pdf);

        var dss = DssValidation.validate(pdf);
        assertThat(dss.indication()).as("DSS: %s %s", dss.subIndication(), dss.errors()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(dss.level()).isEqualTo(SignatureLevel.PAdES_BASELINE_T);

        try (var document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            String first = PdfTextExtractor.getTextFromPage(document.getFirstPage());
            assertThat(first).contains("证据清单").contains("Evidence list").contains("C-1").contains("HZ-ARBITRATION-2026-000042");
            String last = PdfTextExtractor.getTextFromPage(document.getLastPage());
            assertThat(last).as("the header is repeated on each page").contains("记录摘要 Record").contains("C-60")
                    .contains("This list is signed");
        }
        assertThat(CertificateVerifier.embeddedFiles(pdf).get("evidence-list.csv")).isEqualTo(csv);
    }
}
