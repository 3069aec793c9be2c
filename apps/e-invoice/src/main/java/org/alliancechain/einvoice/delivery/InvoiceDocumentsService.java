package org.alliancechain.einvoice.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.alliancechain.einvoice.documents.InvoiceDocument;
import org.alliancechain.einvoice.documents.RedReason;
import org.alliancechain.einvoice.documents.pdf.InvoicePdfs;
import org.alliancechain.einvoice.invoices.Invoice;
import org.alliancechain.einvoice.invoices.InvoiceAccess;
import org.alliancechain.einvoice.invoices.InvoiceService;
import org.alliancechain.einvoice.invoices.InvoiceViews;
import org.alliancechain.einvoice.tax.InvoiceNumber;
import org.alliancechain.einvoice.tax.UnifiedSocialCreditCode;
import org.alliancechain.evidence.HashAlgorithm;
import org.alliancechain.evidence.pdf.PadesSigner;
import org.alliancechain.service.chain.ChainStates;
import org.alliancechain.service.evidence.DocumentSigners;
import org.alliancechain.service.problem.ProblemException;
import org.alliancechain.service.web.SuiteApps;

/**
 * Delivers an invoice's documents to its seller and buyer. The first request for either renders both:
 * the UBL, and the PDF/A-3 that embeds it, signed PAdES B-T as the <b>seller</b> organisation (whoever
 * asks); they are kept, and every later request answers the same bytes. Only an invoice the chain has
 * confirmed has documents: a pending one may still be refused.
 */
@ApplicationScoped
public class InvoiceDocumentsService {

    private final InvoiceAccess access;
    private final InvoiceService invoices;
    private final ChainStates chainStates;
    private final DocumentSigners signers;
    private final PadesSigner signer;
    private final SuiteApps apps;
    private final org.alliancechain.einvoice.documents.ofd.OfdSeals seals;

    InvoiceDocumentsService(InvoiceAccess access, InvoiceService invoices, ChainStates chainStates, DocumentSigners signers,
                            PadesSigner signer, SuiteApps apps, org.alliancechain.einvoice.documents.ofd.OfdSeals seals) {
        this.seals = seals;
        this.access = access;
        this.invoices = invoices;
        this.chainStates = chainStates;
        this.signers = signers;
        this.signer = signer;
        this.apps = apps;
    }

    /** A document to send: its bytes, hash and download name. */
    public record Delivered(IssuedDocument.Kind kind, byte[] bytes, String sha256, String fileName) {
    }

    /**
     * The invoice's document of the kind, for its seller or buyer (404 for anyone else, 409 while the
     * chain has not confirmed the invoice or after it refused it).
     */
    @Transactional
    public Delivered document(long invoiceId, IssuedDocument.Kind kind) {
        var invoice = access.visible(invoiceId);
        var stored = IssuedDocument.of(invoice.id, kind);
        if (stored.isEmpty()) {
            requireConfirmed(invoice);
            // Serialise the first renderings of one invoice: one signature, one stored copy.
            Invoice.findById(invoice.id, LockModeType.PESSIMISTIC_WRITE);
            stored = IssuedDocument.of(invoice.id, kind);
            if (stored.isEmpty()) {
                if (kind == IssuedDocument.Kind.OFD) {
                    renderOfd(invoice);
                } else {
                    render(invoice);
                }
                stored = IssuedDocument.of(invoice.id, kind);
            }
        }
        var document = stored.orElseThrow();
        return new Delivered(kind, document.bytes, document.sha256, "发票 " + invoice.number + kind.extension);
    }

    private void requireConfirmed(Invoice invoice) {
        var state = InvoiceViews.state(invoice, chainStates.transaction(invoice.chainTxId).orElse(null));
        if (state == InvoiceViews.State.PENDING) {
            throw new ProblemException(Response.Status.CONFLICT, "invoice " + invoice.number
                    + " is not confirmed on chain yet: its documents are issued once InvoiceRegistry holds it");
        }
        if (state == InvoiceViews.State.REFUSED) {
            throw new ProblemException(Response.Status.CONFLICT, "invoice " + invoice.number + " was refused on chain: it has no documents");
        }
    }

    private void render(Invoice invoice) {
        var doc = document(invoice);
        byte[] ubl = InvoicePdfs.ubl(doc);
        byte[] pdf = InvoicePdfs.signed(doc, new InvoicePdfs.Printing(invoice.issuedBy, verificationUrl(invoice)), ubl, signer,
                signers.of(invoice.seller), invoice.seller);
        store(invoice, IssuedDocument.Kind.UBL, ubl);
        store(invoice, IssuedDocument.Kind.PDF, pdf);
    }

    /** The OFD, sealed with the seller's electronic invoice seal (made on its own first request: SM2 sealing is not free). */
    private void renderOfd(Invoice invoice) {
        var doc = document(invoice);
        byte[] ubl = IssuedDocument.of(invoice.id, IssuedDocument.Kind.UBL).map(d -> d.bytes).orElseGet(() -> InvoicePdfs.ubl(doc));
        var seal = seals.of(invoice.seller, invoice.sellerName, invoice.sellerTaxId);
        store(invoice, IssuedDocument.Kind.OFD, org.alliancechain.einvoice.documents.ofd.OfdInvoices.sealed(doc, ubl, verificationUrl(invoice),
                seal.seal(), seal.signer()));
    }

    private static void store(Invoice invoice, IssuedDocument.Kind kind, byte[] bytes) {
        var document = new IssuedDocument();
        document.invoiceId = invoice.id;
        document.kind = kind;
        document.bytes = bytes;
        document.sha256 = HashAlgorithm.SHA256.hex(bytes);
        document.createdAt = Instant.now();
        document.persist();
    }

    /** The renderers' input, from the invoice as stored (its parties' names as they were when it was issued). */
    InvoiceDocument document(Invoice invoice) {
        InvoiceDocument.RedReference redOf = null;
        if (invoice.red) {
            Invoice blue = Invoice.findById(invoice.blueId);
            if (blue == null) {
                throw new IllegalStateException("red invoice " + invoice.number + " names no blue invoice");
            }
            var reason = RedReason.fromCode(invoice.redReason).orElseThrow(() -> new IllegalStateException(
                    "red invoice " + invoice.number + " has an unknown reason " + invoice.redReason));
            redOf = new InvoiceDocument.RedReference(InvoiceNumber.parse(blue.number).orThrow(), blue.issueDate, reason);
        }
        return new InvoiceDocument(invoice.kind, InvoiceNumber.parse(invoice.number).orThrow(), invoice.issueDate, invoice.currency,
                InvoiceDocument.Party.of(invoice.sellerName, UnifiedSocialCreditCode.parse(invoice.sellerTaxId).orThrow()),
                InvoiceDocument.Party.of(invoice.buyerName, UnifiedSocialCreditCode.parse(invoice.buyerTaxId).orThrow()),
                invoices.lines(invoice), invoice.note, redOf);
    }

    /** The public check of this invoice (the QR code): number, issue date, total and kind, at this app's address ({@code suite.apps.e-invoice.url}). */
    String verificationUrl(Invoice invoice) {
        return apps.eInvoice().replaceAll("/+$", "") + "/api/public/invoices/verification?number=" + invoice.number + "&issueDate="
                + invoice.issueDate + "&total=" + URLEncoder.encode(invoice.total.toPlainString(), StandardCharsets.UTF_8)
                + "&kind=" + invoice.kind.name();
    }
}
