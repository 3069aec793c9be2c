package org.alliancechain.supplyfinance.receivables;

import java.util.List;
import org.alliancechain.service.attest.AttestedRecord;
import org.alliancechain.service.attest.Attestations;

/**
 * The canonical record of a payable confirmation whose SHA-256 ReceivableRegistry holds as the
 * document digest: the payment undertaking's terms, the purchase order and the invoices behind it.
 */
public record CertificateRecord(String type, String number, String core, String supplier, long faceCents, String currency,
                                String maturity, String paymentDate, boolean longTenor, boolean sme, String deliveryDate, String poNumber,
                                String documentChecksum, List<Invoice> invoices, String undertaking) {

    public record Invoice(String kind, String number) {
    }

    static final String UNDERTAKING = "本企业确认对上述供应商负有到期付款义务，到期无条件按面额付款。 "
            + "We confirm that we owe the supplier named above the face amount and will pay it unconditionally at maturity.";

    public static CertificateRecord of(ReceivableCertificate c, List<Invoice> invoices, String documentChecksum) {
        return new CertificateRecord("supply-finance.payable-confirmation", c.number, c.core, c.supplier, c.faceCents, "CNY",
                c.maturity.toString(), c.paymentDate.toString(), c.longTenor, c.sme, c.deliveryDate == null ? null : c.deliveryDate.toString(),
                c.poNumber, documentChecksum, invoices, UNDERTAKING);
    }

    /** The record in canonical JSON with its SHA-256 digest; the chain gives it its time (the confirming block). */
    public AttestedRecord attested() {
        return Attestations.canonicalOf(this);
    }
}
