package org.alliancechain.einvoice.documents.pdf;

import static org.alliancechain.einvoice.documents.pdf.InvoiceSamples.*;

import java.util.List;
import java.util.Locale;
import org.alliancechain.einvoice.documents.InvoiceDocument;
import org.alliancechain.evidence.HashAlgorithm;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Signed PDF/A-3 invoices per second on this machine (UBL + drawing + PAdES B-T signature with the
 * in-process TSA), on as many threads as cores, and where the time goes: the UBL alone, the drawing
 * alone, the time-stamp alone. Prints figures, never asserts timing. Run:
 * {@code ./mvnw -pl apps/e-invoice test -Dtest=InvoicePdfBenchmark -DexcludedGroups=none}.
 */
@Tag("benchmark")
class InvoicePdfBenchmark {

    private static final int COUNT = Integer.getInteger("bench.invoices", 2_000);
    private static final int WARM_UP = Integer.getInteger("bench.warm-up", 3_000);
    private static final int THREADS = Integer.getInteger("bench.threads", Runtime.getRuntime().availableProcessors());

    @Test
    void signedInvoicesPerSecond() throws Exception {
        List<InvoiceDocument> docs = SignedInvoiceRate.documents();
        List<InvoicePdfs.Printing> printings = docs.stream().map(InvoiceSamples::printing).toList();
        double signed = SignedInvoiceRate.measure(COUNT, WARM_UP, THREADS);
        System.out.printf(Locale.ROOT, "[bench] %-45s %8.0f /s (%d)%n", "UBL + draw + sign B-T (TSA in process)", signed, COUNT);
        System.out.printf(Locale.ROOT, "[bench] invoices: %d threads, %d per phase, load average %.1f%n", THREADS, COUNT,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "[bench] signed PDF/A-3 invoices per second: %.0f (target >= 500)%n", signed);

        // Where the time goes, on one thread (ms per invoice, mean over the phase).
        int n = Math.min(COUNT, 1_000);
        long ubl = 0, draw = 0, write = 0, drawAndSign = 0, stamp = 0;
        for (int i = 0; i < n; i++) {
            var doc = docs.get(i % 64);
            var printing = printings.get(i % 64);
            long t0 = System.nanoTime();
            byte[] xml = InvoicePdfs.ubl(doc);
            long t1 = System.nanoTime();
            var drawn = InvoicePdfs.draw(doc, printing, xml);
            long t2 = System.nanoTime();
            drawn.finish();
            long t3 = System.nanoTime();
            InvoicePdfs.signed(doc, printing, xml, SIGNER, SELLER_KEY, SELLER_ORG);
            long t4 = System.nanoTime();
            TSA.timestamp(HashAlgorithm.SHA256, HashAlgorithm.SHA256.digest(xml));
            long t5 = System.nanoTime();
            ubl += t1 - t0;
            draw += t2 - t1;
            write += t3 - t2;
            drawAndSign += t4 - t3;
            stamp += t5 - t4;
        }
        double ms = 1e6 * n;
        System.out.printf(Locale.ROOT, "[bench] one thread, ms per invoice: UBL %.2f | draw %.2f | write PDF/A (fonts subset, deflate) %.2f"
                        + " | sign B-T %.2f (CMS + ECDSA P-256 %.2f, time-stamp token %.2f) | total %.2f -> %.0f/s per core%n",
                ubl / ms, draw / ms, write / ms, (drawAndSign - draw - write) / ms, (drawAndSign - draw - write - stamp) / ms, stamp / ms,
                (ubl + drawAndSign) / ms, 1000 / ((ubl + drawAndSign) / ms));
    }
}
