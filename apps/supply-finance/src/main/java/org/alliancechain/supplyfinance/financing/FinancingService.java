package org.alliancechain.supplyfinance.financing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import org.alliancechain.chain.api.ChainIds;
import org.alliancechain.chain.api.ConsortiumRole;
import org.alliancechain.service.chain.ConsortiumDirectory;
import org.alliancechain.service.identity.Caller;
import org.alliancechain.service.numbering.YearlySequences;
import org.alliancechain.service.problem.ProblemException;
import org.alliancechain.supplyfinance.calendar.BusinessCalendar;
import org.alliancechain.supplyfinance.receivables.CertificateInvoice;
import org.alliancechain.supplyfinance.receivables.ReceivableCertificate;
import org.alliancechain.supplyfinance.receivables.ReceivablePart;

/**
 * Financing a part by discount: the holder asks, any bank of the consortium quotes (priced here with
 * the same formula and calendar FinancingQuotes applies on chain), the holder accepts one — the
 * registry pledges the certificate's invoices for the financed value in that transaction — and the
 * bank records its payment, after which the financed value is the bank's part.
 */
@ApplicationScoped
public class FinancingService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Caller caller;
    private final ConsortiumDirectory directory;
    private final FinancingChain chain;
    private final DiscountPricing pricing;
    private final org.alliancechain.service.chain.ChainClock clock;

    FinancingService(Caller caller, ConsortiumDirectory directory, FinancingChain chain, BusinessCalendar calendar,
            org.alliancechain.service.chain.ChainClock clock) {
        this.clock = clock;
        this.caller = caller;
        this.directory = directory;
        this.chain = chain;
        this.pricing = new DiscountPricing(calendar);
    }

    @Transactional
    public Financing request(long partId, long valueCents) {
        String holder = caller.requireOrganisation();
        ReceivablePart part = ReceivablePart.findById(partId, LockModeType.PESSIMISTIC_WRITE);
        if (part == null || !holder.equals(part.holder)) {
            throw ProblemException.notFound("part " + partId);
        }
        if (part.state != ReceivablePart.State.ACTIVE) {
            throw new ProblemException(Response.Status.CONFLICT, "part " + partId + " is " + part.state.english + " (" + part.state.chinese
                    + "): only a part held free can be financed, and a part is financed once");
        }
        if (Financing.count("partId = ?1 and status in ?2", partId, java.util.List.of(Financing.Status.PENDING, Financing.Status.REQUESTED,
                Financing.Status.ACCEPTED)) > 0) {
            throw new ProblemException(Response.Status.CONFLICT, "part " + partId + " already has an open financing request");
        }
        if (valueCents <= 0 || valueCents > part.valueCents) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "the value must be more than zero and at most the part's ¥"
                    + BigDecimal.valueOf(part.valueCents, 2).toPlainString(), "value");
        }
        ReceivableCertificate certificate = ReceivableCertificate.findById(part.certificateId);
        if (certificate.status != ReceivableCertificate.Status.OUTSTANDING) {
            throw new ProblemException(Response.Status.CONFLICT, "certificate " + certificate.number + " is " + certificate.status.english);
        }
        checkInvoicesLive(certificate, valueCents);
        var f = new Financing();
        f.financingId = randomId();
        f.certificateId = certificate.id;
        f.partId = partId;
        f.holder = holder;
        f.valueCents = valueCents;
        f.status = Financing.Status.PENDING;
        f.requestedBy = caller.userName();
        f.requestedAt = Instant.now();
        f.persist();
        f.chainTxId = chain.request(holder, f.financingId, partId, valueCents);
        f.lastChainTxId = f.chainTxId;
        return f;
    }

    public record Terms(BigDecimal annualRatePercent, long feeCents, boolean recourse, LocalDate discountDate, Instant validUntil) {
    }

    @Transactional
    public FinancingQuote quote(long id, Terms terms) {
        String bank = caller.requireOrganisation();
        if (!directory.holds(bank, ConsortiumRole.FINANCIER)) {
            throw new ProblemException(Response.Status.FORBIDDEN, "your organisation " + bank
                    + " is not a financier of the consortium (role FINANCIER), so it cannot quote");
        }
        Financing f = visible(id, bank, LockModeType.PESSIMISTIC_WRITE);
        if (f.status != Financing.Status.REQUESTED) {
            throw new ProblemException(Response.Status.CONFLICT, "financing " + id + " is " + f.status.english + ", not open for quotes");
        }
        int rateBp;
        try {
            rateBp = terms.annualRatePercent().movePointRight(2).intValueExact();
        } catch (ArithmeticException e) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "the annual rate has at most two decimals (a whole basis point)", "annualRate");
        }
        LocalDate today = clock.today();
        if (terms.discountDate().isBefore(today)) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "the discount date cannot be before today (" + today + ")", "discountDate");
        }
        if (!terms.validUntil().isAfter(clock.now())) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "a quote must be valid for some time from now", "validUntil");
        }
        ReceivableCertificate certificate = ReceivableCertificate.findById(f.certificateId);
        DiscountPricing.Price price;
        try {
            price = pricing.price(f.valueCents, rateBp, terms.feeCents(), terms.discountDate(), certificate.maturity);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, e.getMessage(), e.getMessage().contains("rate") ? "annualRate"
                    : e.getMessage().contains("discount date") ? "discountDate" : "fee");
        }
        byte[] nonce = randomId();
        var q = new FinancingQuote();
        q.quoteId = FinancingChain.quoteId(bank, f.financingId, nonce);
        q.financingId = f.id;
        q.bank = bank;
        q.annualRateBp = rateBp;
        q.feeCents = terms.feeCents();
        q.recourse = terms.recourse();
        q.discountDate = terms.discountDate();
        q.paymentDate = price.paymentDate();
        q.validUntil = terms.validUntil();
        q.faceCents = f.valueCents;
        q.interestCents = price.interestFen();
        q.proceedsCents = price.proceedsFen();
        q.status = FinancingQuote.Status.PENDING;
        q.quotedBy = caller.userName();
        q.quotedAt = Instant.now();
        q.persist();
        q.chainTxId = chain.quote(bank, f.financingId, rateBp, terms.recourse(), terms.discountDate().toEpochDay(), certificate.maturity.toEpochDay(),
                terms.validUntil().getEpochSecond(), f.valueCents, terms.feeCents(), nonce);
        return q;
    }

    @Transactional
    public Financing accept(long id, long quoteRowId) {
        String holder = caller.requireOrganisation();
        Financing f = visible(id, holder, LockModeType.PESSIMISTIC_WRITE);
        if (!holder.equals(f.holder)) {
            throw new ProblemException(Response.Status.FORBIDDEN, "only the holder, " + f.holder + ", accepts a quote");
        }
        if (f.status != Financing.Status.REQUESTED) {
            throw new ProblemException(Response.Status.CONFLICT, "financing " + id + " is " + f.status.english + "; a quote is accepted once");
        }
        FinancingQuote q = FinancingQuote.<FinancingQuote>findByIdOptional(quoteRowId).filter(x -> x.financingId.equals(f.id))
                .orElseThrow(() -> ProblemException.notFound("quote " + quoteRowId));
        if (q.status != FinancingQuote.Status.OFFERED || !q.validUntil.isAfter(clock.now())
                || q.discountDate.isBefore(clock.today())) {
            throw new ProblemException(Response.Status.CONFLICT, "quote " + quoteRowId + " is " + (q.status == FinancingQuote.Status.OFFERED
                    ? "no longer valid (its validity or discount date passed); ask the bank to quote again" : q.status.english));
        }
        checkInvoicesLive(ReceivableCertificate.findById(f.certificateId), f.valueCents);
        f.lastChainTxId = chain.accept(holder, q.quoteId, q.quoteHash);
        return f;
    }

    @Transactional
    public Financing recordPayment(long id, String paymentReference, String crcRegistration) {
        String bank = caller.requireOrganisation();
        Financing f = visible(id, bank, LockModeType.PESSIMISTIC_WRITE);
        if (!bank.equals(f.bank)) {
            throw new ProblemException(Response.Status.FORBIDDEN, "only the bank whose quote was accepted records the payment");
        }
        if (f.status != Financing.Status.ACCEPTED) {
            throw new ProblemException(Response.Status.CONFLICT, "financing " + id + " is " + f.status.english + ", not awaiting payment");
        }
        f.paymentReference = paymentReference;
        f.crcRegistration = crcRegistration;
        f.lastChainTxId = chain.recordPayment(bank, f.financingId, ChainIds.keccak256("payment " + paymentReference),
                ChainIds.keccak256("crc " + crcRegistration));
        return f;
    }

    /**
     * The financing bank consents to a red-letter on one of the invoices its financing pledged (the
     * seller asked it, e.g. after a return of goods): the bank's part is reduced by the amount on chain
     * and InvoiceRegistry then lets the seller's red-letter through for as much (domain §6; ADR 0018).
     */
    @Transactional
    public Financing consentToRedLetter(long id, String invoiceNumber, long amountCents) {
        String bank = caller.requireOrganisation();
        Financing f = visible(id, bank, LockModeType.PESSIMISTIC_WRITE);
        if (!bank.equals(f.bank)) {
            throw new ProblemException(Response.Status.FORBIDDEN, "only the financing bank consents to a red-letter on the invoices it holds pledged");
        }
        if (f.status != Financing.Status.PAID) {
            throw new ProblemException(Response.Status.CONFLICT, "financing " + id + " is " + f.status.english
                    + "; a red-letter consent needs a paid financing");
        }
        ReceivableCertificate c = ReceivableCertificate.findById(f.certificateId);
        if (c.status != ReceivableCertificate.Status.OUTSTANDING && c.status != ReceivableCertificate.Status.OVERDUE) {
            throw new ProblemException(Response.Status.CONFLICT, "certificate " + c.number + " is " + c.status.english
                    + ": its invoices are no longer pledged");
        }
        var invoice = CertificateInvoice.<CertificateInvoice>find("certificateId = ?1 and number = ?2", c.id, invoiceNumber).firstResultOptional()
                .orElseThrow(() -> new ProblemException(ProblemException.UNPROCESSABLE, "invoice " + invoiceNumber + " does not back certificate "
                        + c.number, "invoiceNumber"));
        long pledged = f.pledges().getOrDefault("0x" + java.util.HexFormat.of().formatHex(invoice.invoiceId), 0L);
        if (amountCents <= 0 || amountCents > pledged) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "the amount must be more than zero and at most what this financing "
                    + "pledges on invoice " + invoiceNumber + ", " + yuan(pledged), "amount");
        }
        f.lastChainTxId = chain.consentToRedLetter(bank, f.financingId, invoice.invoiceId, amountCents);
        return f;
    }

    /**
     * A certificate is financed only while its invoices are live, as ReceivableRegistry re-checks them when a quote is
     * accepted: none reimbursed or red-lettered in full, and what is left of them, less what is already pledged, covers
     * the value. Refused before anything is queued, naming the invoice (409).
     */
    static void checkInvoicesLive(ReceivableCertificate certificate, long valueCents) {
        long cover = 0;
        for (var invoice : certificate.invoices()) {
            var fact = org.alliancechain.supplyfinance.invoices.InvoiceFact.byId(invoice.invoiceId).orElse(null);
            if (fact == null) {
                continue;
            }
            if (fact.reimbursed) {
                throw new ProblemException(Response.Status.CONFLICT, "invoice " + invoice.number + " behind certificate " + certificate.number
                        + " was reimbursed, so the certificate cannot be financed (一张发票不能既报销又融资)");
            }
            if (fact.remainingCents == 0) {
                throw new ProblemException(Response.Status.CONFLICT, "invoice " + invoice.number + " behind certificate " + certificate.number
                        + " was red-lettered in full, so the certificate cannot be financed");
            }
            cover += Math.max(0, fact.remainingCents - fact.pledgedCents);
        }
        if (cover < valueCents) {
            throw new ProblemException(Response.Status.CONFLICT, "the invoices behind certificate " + certificate.number + " leave " + yuan(cover)
                    + " to pledge (after red-letters and earlier pledges), less than the " + yuan(valueCents) + " to finance");
        }
    }

    private static String yuan(long cents) {
        return org.alliancechain.supplyfinance.receivables.CertificateService.yuan(cents);
    }

    @Transactional
    public Financing withdraw(long id) {
        String holder = caller.requireOrganisation();
        Financing f = visible(id, holder, LockModeType.PESSIMISTIC_WRITE);
        if (!holder.equals(f.holder)) {
            throw new ProblemException(Response.Status.FORBIDDEN, "only the holder withdraws its request");
        }
        if (f.status != Financing.Status.REQUESTED) {
            throw new ProblemException(Response.Status.CONFLICT, "financing " + id + " is " + f.status.english + "; only an open request is withdrawn");
        }
        f.lastChainTxId = chain.withdraw(holder, f.financingId);
        return f;
    }

    /**
     * A financing as the organisation may see it: the holder always; any financier while it is open
     * for quotes (any bank may quote); the bank whose quote was accepted afterwards. Otherwise 404.
     */
    public Financing visible(long id, String organisation, LockModeType lock) {
        Financing f = lock == null ? Financing.findById(id) : Financing.findById(id, lock);
        if (f == null || !visibleTo(f, organisation)) {
            throw ProblemException.notFound("financing " + id);
        }
        return f;
    }

    public boolean visibleTo(Financing f, String organisation) {
        if (organisation.equals(f.holder) || organisation.equals(f.bank)) {
            return true;
        }
        return f.status == Financing.Status.REQUESTED && directory.holds(organisation, ConsortiumRole.FINANCIER);
    }

    private static byte[] randomId() {
        byte[] id = new byte[32];
        RANDOM.nextBytes(id);
        return id;
    }
}
