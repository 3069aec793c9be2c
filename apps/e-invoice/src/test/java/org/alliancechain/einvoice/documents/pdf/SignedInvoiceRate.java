package org.alliancechain.einvoice.documents.pdf;

import static org.alliancechain.einvoice.documents.pdf.InvoiceSamples.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.alliancechain.einvoice.documents.InvoiceDocument;
import org.alliancechain.einvoice.tax.InvoiceLineInput;

/**
 * Signed PDF/A-3 invoices per second (UBL embedded, drawing, PAdES B-T signature with the in-process time-stamp
 * authority) on {@code threads} threads: 64 distinct invoices of one to five lines, round-robin. Used by
 * {@link InvoicePdfBenchmark} and by {@code ./bench invoices}.
 */
public final class SignedInvoiceRate {

    private SignedInvoiceRate() {
    }

    /** The invoices measured, and how each is printed. */
    static List<InvoiceDocument> documents() {
        List<InvoiceDocument> docs = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            var lines = new ArrayList<InvoiceLineInput>();
            for (int l = 0; l <= i % 5; l++) {
                lines.add(InvoiceLineInput.exclusive("*计算机设备*服务器 " + i + "-" + l, String.valueOf(1 + l), "4197.17", "0.13"));
            }
            docs.add(InvoiceSamples.blue(1000 + i, lines));
        }
        return docs;
    }

    /** Signs {@code warmUp} invoices unmeasured, then {@code count}: the rate of the latter. */
    public static double measure(int count, int warmUp, int threads) throws Exception {
        var docs = documents();
        List<InvoicePdfs.Printing> printings = docs.stream().map(InvoiceSamples::printing).toList();
        byte[][] out = new byte[Math.max(1, count)][];
        IntConsumer full = i -> out[i % out.length] = InvoicePdfs.renderSigned(docs.get(i % 64), printings.get(i % 64), SIGNER, SELLER_KEY,
                SELLER_ORG);
        run(warmUp, threads, full);
        long start = System.nanoTime();
        run(count, threads, full);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (out[0] == null || out[0].length == 0) {
            throw new IllegalStateException("no signed invoice was produced");
        }
        return count / seconds;
    }

    static void run(int count, int threads, IntConsumer op) throws Exception {
        try (var pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = thread; i < count; i += threads) {
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
