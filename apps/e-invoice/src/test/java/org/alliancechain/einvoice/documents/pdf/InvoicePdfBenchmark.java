package org.alliancechain.einvoice.documents.pdf;

import static org.alliancechain.einvoice.documents.pdf.InvoiceSamples.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.alliancechain.einvoice.documents.InvoiceDocument;
import org.alliancechain.einvoice.tax.InvoiceLineInput;
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
        // 64 distinct invoices of one to five lines, reused round-robin.
        List<InvoiceDocument> docs = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            var lines = new ArrayList<InvoiceLineInput>();
            for (int l = 0; l <= i % 5; l++) {
                lines.add(InvoiceLineInput.exclusive("*计算机设备*服务器 " + i + "-" + l, String.valueOf(1 + l), "4197.17", "0.13"));
            }
            docs.add(InvoiceSamples.blue(1000 + i, lines));
        }
        List<InvoicePdfs.Printing> printings = docs.stream().map(InvoiceSamples::printing).toList();
        List<byte[]> ubls = docs.stream().map(InvoicePdfs::ubl).toList();
        byte[][] out = new byte[COUNT][];
        IntConsumer full = i -> out[i % COUNT] = InvoicePdfs.renderSigned(docs.get(i % 64), printings.get(i % 64), SIGNER, SELLER_KEY, SELLER_ORG);

        run(WARM_UP, full);
        double signed = measure("UBL + draw + sign B-T (TSA in process)", full);
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
        assertThat(out[0]).isNotNull();
    }

    private static double measure(String what, IntConsumer op) throws Exception {
        long start = System.nanoTime();
        run(COUNT, op);
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = COUNT / seconds;
        System.out.printf(Locale.ROOT, "[bench] %-45s %8.0f /s (%d in %.2f s)%n", what, rate, COUNT, seconds);
        return rate;
    }

    private static void run(int count, IntConsumer op) throws Exception {
        try (var pool = Executors.newFixedThreadPool(THREADS)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = thread; i < count; i += THREADS) {
                        op.accept(i);
                    }
                }));
            }
            for (var f : futures) {
                f.get();
            }
        }
    }
}
