package org.alliancechain.supplyfinance.receivables;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import org.alliancechain.chain.api.ChainIds;
import org.alliancechain.chain.api.ConsortiumRole;
import org.alliancechain.service.chain.ConsortiumDirectory;
import org.alliancechain.service.identity.Caller;
import org.alliancechain.service.numbering.YearlySequences;
import org.alliancechain.service.problem.ProblemException;
import org.alliancechain.supplyfinance.calendar.BusinessCalendar;
import org.alliancechain.supplyfinance.invoices.InvoiceFact;

/**
 * A core enterprise's confirmation of a payable (确权): checked here against what the chain will
 * check — the supplier a member, the tenor, each invoice issued by the supplier to the core
 * enterprise, live, backing no other certificate, together covering the face — so that a refusal
 * comes at once naming the field; then the certificate is stored and its confirmation queued.
 */
@ApplicationScoped
public class CertificateService {

    /** The kinds of invoice a certificate may rest on, with their InvoiceRegistry codes. */
    public enum InvoiceKind {
        DIGITAL_SPECIAL(1), DIGITAL_ORDINARY(2);

        public final int chainCode;

        InvoiceKind(int chainCode) {
            this.chainCode = chainCode;
        }
    }

    public record InvoiceRef(InvoiceKind kind, String number) {
    }

    public record Confirmation(String supplier, long faceCents, LocalDate maturity, boolean longTenor, boolean sme, LocalDate deliveryDate,
                               String poNumber, String documentChecksum, List<InvoiceRef> invoices) {
    }

    static final String SERIES = "receivable-certificate";

    private final Caller caller;
    private final ConsortiumDirectory directory;
    private final ReceivableChain chain;
    private final YearlySequences sequences;
    private final BusinessCalendar calendar;
    private final org.alliancechain.service.chain.ChainClock clock;

    CertificateService(Caller caller, ConsortiumDirectory directory, ReceivableChain chain, YearlySequences sequences, BusinessCalendar calendar,
            org.alliancechain.service.chain.ChainClock clock) {
        this.clock = clock;
        this.caller = caller;
        this.directory = directory;
        this.chain = chain;
        this.sequences = sequences;
        this.calendar = calendar;
    }

    @Transactional
    public ReceivableCertificate confirm(Confirmation request) {
        String core = caller.requireOrganisation();
        if (!directory.holds(core, ConsortiumRole.CORE_ENTERPRISE)) {
            throw new ProblemException(Response.Status.FORBIDDEN, "your organisation " + core
                    + " is not a core enterprise of the consortium (role CORE_ENTERPRISE), so it cannot confirm payables");
        }
        if (request.supplier().equals(core)) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "a core enterprise cannot confirm a payable to itself", "supplier");
        }
        if (!directory.isActiveMember(request.supplier())) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, request.supplier() + " is not an active member of the consortium",
                    "supplier");
        }
        LocalDate today = clock.today();
        if (OverdueEvent.suspends(core, clock.now())) {
            throw new ProblemException(Response.Status.CONFLICT, "the consortium's receivable registry refuses new confirmations from " + core
                    + ": 3 or more of its certificates became overdue in the last six months and some are still unpaid; pay them to "
                    + "confirm again (see the overdue disclosure)");
        }
        checkTenor(request, today);
        var facts = invoices(request, core);
        long cover = facts.stream().mapToLong(InvoiceFact::coverCents).sum();
        if (cover < request.faceCents()) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "the invoices leave " + yuan(cover) + " to back a payable of "
                    + yuan(request.faceCents()) + " (remaining amounts after red-letters, less what is pledged)", "face");
        }
        var c = new ReceivableCertificate();
        c.number = "RC-" + today.getYear() + "-" + String.format("%06d", sequences.next(SERIES, "RC", today.getYear()));
        c.core = core;
        c.supplier = request.supplier();
        c.faceCents = request.faceCents();
        c.maturity = request.maturity();
        c.paymentDate = calendar.rollForward(request.maturity());
        c.longTenor = request.longTenor();
        c.sme = request.sme();
        c.deliveryDate = request.deliveryDate();
        c.poNumber = request.poNumber().strip();
        c.status = ReceivableCertificate.Status.PENDING;
        c.confirmationId = ChainIds.keccak256(core + "/" + c.number);
        c.slot = new java.math.BigDecimal(CertificateLedger.slotOf(ChainIds.memberId(core), c.confirmationId, c.maturity.toEpochDay()));
        c.confirmedBy = caller.userName();
        c.confirmedAt = Instant.now();
        c.record = CertificateRecord.of(c, request.invoices().stream().map(i -> new CertificateRecord.Invoice(i.kind().name(), i.number())).toList(),
                request.documentChecksum()).attested();
        c.persist();
        var ids = new ArrayList<byte[]>();
        for (int i = 0; i < request.invoices().size(); i++) {
            var ref = request.invoices().get(i);
            var row = new CertificateInvoice();
            row.certificateId = c.id;
            row.position = (short) i;
            row.invoiceId = facts.get(i).invoiceId;
            row.kind = ref.kind().name();
            row.number = ref.number();
            row.persist();
            ids.add(row.invoiceId);
        }
        c.chainTxId = chain.confirm(c, ids);
        return c;
    }

    private static void checkTenor(Confirmation request, LocalDate today) {
        if (!request.maturity().isAfter(today)) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "the maturity must be after today (" + today + ")", "maturity");
        }
        if (request.maturity().isAfter(today.plusMonths(12))) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "the maturity may be at most one year after today, "
                    + today.plusMonths(12) + " (Yinfa [2025] No. 77)", "maturity");
        }
        if (request.maturity().isAfter(today.plusMonths(6)) && !request.longTenor()) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "a maturity more than six months on (after " + today.plusMonths(6)
                    + ") must be flagged as a long tenor, for the banks to review its reasonableness", "longTenor");
        }
    }

    private static List<InvoiceFact> invoices(Confirmation request, String core) {
        var facts = new ArrayList<InvoiceFact>();
        var seen = new HashSet<String>();
        byte[] coreMember = ChainIds.memberId(core);
        byte[] supplierMember = ChainIds.memberId(request.supplier());
        for (int i = 0; i < request.invoices().size(); i++) {
            var ref = request.invoices().get(i);
            String field = "invoices[" + i + "].number";
            byte[] id = ChainIds.invoiceId(ref.kind().chainCode, ref.number());
            if (!seen.add(HexFormat.of().formatHex(id))) {
                throw new ProblemException(ProblemException.UNPROCESSABLE, "invoice " + ref.number() + " is named twice", field);
            }
            var fact = InvoiceFact.byId(id).orElseThrow(() -> new ProblemException(ProblemException.UNPROCESSABLE, "no " + ref.kind()
                    + " invoice " + ref.number() + " is confirmed in the consortium's invoice registry (check the number and kind, "
                    + "or wait until its issuance is confirmed on chain)", field));
            if (!java.util.Arrays.equals(fact.sellerMember, supplierMember) || !java.util.Arrays.equals(fact.buyerMember, coreMember)) {
                throw new ProblemException(ProblemException.UNPROCESSABLE, "invoice " + ref.number() + " was not issued by " + request.supplier()
                        + " to " + core, field);
            }
            if (fact.reimbursed) {
                throw new ProblemException(Response.Status.CONFLICT, "invoice " + ref.number() + " was reimbursed, so it cannot back a payable", field);
            }
            if (fact.coverCents() == 0) {
                throw new ProblemException(Response.Status.CONFLICT, "nothing is left of invoice " + ref.number()
                        + " to back a payable (red-lettered in full or pledged)", field);
            }
            CertificateInvoice.<CertificateInvoice>find("invoiceId", (Object) id).firstResultOptional().ifPresent(other -> {
                String number = ReceivableCertificate.<ReceivableCertificate>findByIdOptional(other.certificateId).map(c -> c.number).orElse("?");
                throw new ProblemException(Response.Status.CONFLICT, "invoice " + ref.number() + " already backs certificate " + number, field);
            });
            facts.add(fact);
        }
        return facts;
    }

    public static String yuan(long cents) {
        return "¥" + java.math.BigDecimal.valueOf(cents, 2).toPlainString();
    }
}
