package org.alliancechain.einvoice.redletter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.alliancechain.einvoice.EInvoiceConfig;
import org.alliancechain.einvoice.documents.RedReason;
import org.alliancechain.einvoice.invoices.Invoice;
import org.alliancechain.einvoice.invoices.InvoiceAccess;
import org.alliancechain.einvoice.invoices.InvoiceService;
import org.alliancechain.einvoice.invoices.InvoiceViews;
import org.alliancechain.einvoice.issuers.Issuer;
import org.alliancechain.einvoice.tax.ComputedInvoice;
import org.alliancechain.einvoice.tax.RedLetterLedger;
import org.alliancechain.einvoice.tax.RedLineRequest;
import org.alliancechain.einvoice.tax.TaxCalculator;
import org.alliancechain.service.chain.ChainStates;
import org.alliancechain.service.identity.Caller;
import org.alliancechain.service.problem.Problem;
import org.alliancechain.service.problem.ProblemException;

/**
 * The red-letter confirmation form, as the SAT's 数电 path has it and this suite's cross-member
 * rule extends it: the seller alone offsets an invoice its buyer has not booked (01, the red invoice
 * is issued at once); once the buyer booked it — or any member reimbursed it — either side may start
 * and the other must confirm within 72 hours (02/03 → 04, the red invoice is issued for the seller;
 * refused 05/06; expired 07; withdrawn by the initiator 08). Open forms count against what is left
 * to offset, per line and in total; a red invoice is never offset. A pledged invoice is offset only
 * within what its financier consented to on chain and no red invoice or open form uses yet
 * ({@link RedConsents}); beyond it, or without consent, 409.
 */
@ApplicationScoped
public class RedLetterService {

    /** A form as asked: the lines to offset (by blue line, skipping discount lines), or the whole invoice. */
    public record Start(long blueInvoiceId, RedReason reason, boolean fullRed, List<RedLineRequest> lines, Boolean buyerDeducted) {
    }

    /** Who decides what the service decides by itself (a lapsed window, a blocked taxpayer). */
    static final String SYSTEM = "system";

    private final Caller caller;
    private final org.alliancechain.einvoice.issuers.IssuerService issuers;
    private final InvoiceAccess access;
    private final InvoiceService invoices;
    private final ChainStates chainStates;
    private final EInvoiceConfig config;
    private final ObjectMapper json;
    private final RedConsents consents;

    RedLetterService(Caller caller, org.alliancechain.einvoice.issuers.IssuerService issuers, InvoiceAccess access,
                     InvoiceService invoices, ChainStates chainStates, EInvoiceConfig config, ObjectMapper json, RedConsents consents) {
        this.consents = consents;
        this.caller = caller;
        this.issuers = issuers;
        this.access = access;
        this.invoices = invoices;
        this.chainStates = chainStates;
        this.config = config;
        this.json = json;
    }

    @Transactional
    public RedLetterForm start(Start start) {
        String organisation = caller.requireOrganisation();
        var blue = access.lockFor(start.blueInvoiceId(), EnumSet.of(InvoiceAccess.Side.SELLER, InvoiceAccess.Side.BUYER),
                "start a red-letter form");
        var side = access.sideOf(blue);
        if (blue.red) {
            throw new ProblemException(Response.Status.CONFLICT, "invoice " + blue.number
                    + " is itself a red-letter invoice; a red invoice is never offset (红票不能再次红冲)");
        }
        var state = InvoiceViews.state(blue, chainStates.transaction(blue.chainTxId).orElse(null));
        if (state == InvoiceViews.State.PENDING || state == InvoiceViews.State.REFUSED) {
            throw new ProblemException(Response.Status.CONFLICT, "invoice " + blue.number + " is not confirmed on chain ("
                    + state.english + "); it cannot be offset yet");
        }
        if (blue.fullyRedLettered()) {
            throw new ProblemException(Response.Status.CONFLICT, "invoice " + blue.number + " is already fully offset (已全额红冲)");
        }
        consents.require(blue, java.math.BigDecimal.ZERO, null, "blueInvoiceId"); // pledged without consent: refused before anything else
        requireSellerMayIssue(blue);
        // Booked, reimbursed or pledged: the counterparty confirms (domain §6, even where the bureau's path is 01).
        boolean claimed = blue.bookedBy != null || blue.reimbursedBy != null || blue.pledged;
        if (side == InvoiceAccess.Side.BUYER && !claimed) {
            throw new ProblemException(Response.Status.FORBIDDEN, "only the seller may start a red-letter form for an invoice the buyer "
                    + "has not booked (购方未用途确认/入账确认的发票由销方直接红冲)");
        }

        var blueLines = invoices.lines(blue);
        var ledger = ledger(blue);
        ComputedInvoice red = start.fullRed() ? TaxCalculator.fullRed(blueLines, ledger)
                : TaxCalculator.redLineAmounts(blueLines, start.lines(), ledger);
        if (!red.ok()) {
            var violations = red.violations().stream()
                    .map(v -> new Problem.Violation(field(v.pointer()), v.reasonEn() + " (" + v.reasonZh() + ")")).toList();
            throw new ProblemException(ProblemException.UNPROCESSABLE, violations.getFirst().field() + ": " + violations.getFirst().message(),
                    violations);
        }
        if (red.totalWithTax().negate().compareTo(blue.remaining.subtract(pendingTotal(blue))) > 0) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "the red-letter amount " + red.totalWithTax().negate().toPlainString()
                    + " exceeds what is left to offset of invoice " + blue.number + ": " + blue.remaining.subtract(pendingTotal(blue))
                    .toPlainString() + " (红冲金额超出原发票剩余可红冲金额)", "lines");
        }
        consents.require(blue, red.totalWithTax().negate(), null, start.fullRed() ? "fullRed" : "lines");

        var form = new RedLetterForm();
        form.blueInvoiceId = blue.id;
        form.initiator = organisation;
        form.initiatorSide = side.name();
        form.counterparty = side == InvoiceAccess.Side.SELLER ? blue.buyer : blue.seller;
        form.reason = start.reason().code();
        form.needsConfirmation = claimed || side == InvoiceAccess.Side.BUYER;
        form.buyerDeducted = side == InvoiceAccess.Side.BUYER ? Boolean.TRUE.equals(start.buyerDeducted()) : null;
        form.fullRed = start.fullRed();
        form.lines = write(red);
        form.redTotal = red.totalWithTax();
        form.startedBy = caller.userName();
        form.startedAt = now();
        if (!form.needsConfirmation) {
            form.state = FormState.NO_CONFIRMATION_NEEDED.code;
            form.persist();
            issueRed(form, blue, red);
        } else {
            form.state = (side == InvoiceAccess.Side.SELLER ? FormState.AWAITING_BUYER : FormState.AWAITING_SELLER).code;
            form.confirmBy = form.startedAt.plus(config.redLetter().confirmationWindow());
            form.persist();
        }
        return form;
    }

    /**
     * The counterparty confirms within the window: the red invoice is issued for the seller (04). A
     * confirmation after the window voids the form (07) — kept although the answer is a refusal.
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    public RedLetterForm confirm(long formId) {
        var form = lockAsParty(formId);
        var blue = access.lockFor(form.blueInvoiceId, EnumSet.of(InvoiceAccess.Side.SELLER, InvoiceAccess.Side.BUYER), "confirm");
        requireCounterparty(form, "confirm it");
        form.requireState("be confirmed", FormState.AWAITING_BUYER, FormState.AWAITING_SELLER);
        if (expired(form)) {
            decide(form, FormState.VOID_EXPIRED, "not confirmed within the window");
            throw new ProblemException(Response.Status.CONFLICT, "red-letter form " + form.id + " was not confirmed by " + form.confirmBy
                    + " and is void (作废(超72小时未确认))");
        }
        requireSellerMayIssue(blue);
        consents.require(blue, form.redTotal.negate(), form.id, form.fullRed ? "fullRed" : "lines"); // pledged since the form was started
        decide(form, FormState.CONFIRMED, null);
        issueRed(form, blue, read(form));
        return form;
    }

    @Transactional
    public RedLetterForm refuse(long formId, String note) {
        var form = lockAsParty(formId);
        requireCounterparty(form, "refuse it");
        form.requireState("be refused", FormState.AWAITING_BUYER, FormState.AWAITING_SELLER);
        decide(form, form.formState() == FormState.AWAITING_BUYER ? FormState.VOID_BUYER_REFUSED : FormState.VOID_SELLER_REFUSED, note);
        return form;
    }

    @Transactional
    public RedLetterForm withdraw(long formId, String note) {
        var form = lockAsParty(formId);
        if (!form.initiator.equals(caller.requireOrganisation())) {
            throw new ProblemException(Response.Status.FORBIDDEN, "only the organisation that started red-letter form " + form.id
                    + " (" + form.initiator + ") may withdraw it");
        }
        form.requireState("be withdrawn", FormState.AWAITING_BUYER, FormState.AWAITING_SELLER);
        decide(form, FormState.VOID_WITHDRAWN, note);
        return form;
    }

    /**
     * The seller's tax bureau voids an open form as an abnormal voucher (10, 作废(异常凭证)), e.g. when
     * it found the blue invoice's transaction irregular. Another bureau's form answers 404.
     */
    @Transactional
    public RedLetterForm voidAbnormal(long formId, String note) {
        String bureau = issuers.requireBureau();
        var form = RedLetterForm.<RedLetterForm>findByIdOptional(formId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .filter(f -> bureauOf(f).filter(bureau::equals).isPresent())
                .orElseThrow(() -> ProblemException.notFound("red-letter form " + formId));
        form.requireState("be voided as an abnormal voucher", FormState.AWAITING_BUYER, FormState.AWAITING_SELLER);
        decide(form, FormState.VOID_ABNORMAL, note);
        return form;
    }

    /** The open and decided forms of the caller's bureau's issuers, newest first (a tax officer's view). */
    public List<RedLetterForm> ofBureau() {
        String bureau = issuers.requireBureau();
        return RedLetterForm.list("blueInvoiceId in (select i.id from Invoice i where i.seller in "
                + "(select s.organisation from Issuer s where s.bureau = ?1)) order by id desc", bureau);
    }

    private static java.util.Optional<String> bureauOf(RedLetterForm form) {
        var blue = Invoice.<Invoice>findById(form.blueInvoiceId);
        return Issuer.<Issuer>find("organisation", blue.seller).firstResultOptional().map(i -> i.bureau);
    }

    /** The forms of the caller's organisation, as initiator or counterparty, newest first. */
    public List<RedLetterForm> mine() {
        String organisation = caller.requireOrganisation();
        return RedLetterForm.list("initiator = ?1 or counterparty = ?1 order by id desc", organisation);
    }

    public RedLetterForm visible(long formId) {
        String organisation = caller.requireOrganisation();
        return RedLetterForm.<RedLetterForm>findByIdOptional(formId)
                .filter(f -> f.initiator.equals(organisation) || f.counterparty.equals(organisation))
                .orElseThrow(() -> ProblemException.notFound("red-letter form " + formId));
    }

    /** Voids open forms whose window has passed (07) and those of a suspended seller (11). Returns how many. */
    @Transactional
    public int voidLapsed() {
        int voided = 0;
        for (RedLetterForm form : RedLetterForm.<RedLetterForm>list("state in ?1", List.of(FormState.AWAITING_BUYER.code,
                FormState.AWAITING_SELLER.code))) {
            var blue = Invoice.<Invoice>findById(form.blueInvoiceId);
            boolean blocked = Issuer.<Issuer>find("organisation", blue.seller).firstResultOptional()
                    .map(i -> i.status == Issuer.Status.SUSPENDED).orElse(true);
            if (blocked) {
                decide(form, FormState.VOID_TAXPAYER_BLOCKED, "the seller's issuing is suspended by its tax bureau", SYSTEM);
                voided++;
            } else if (expired(form)) {
                decide(form, FormState.VOID_EXPIRED, "not confirmed within the window", SYSTEM);
                voided++;
            }
        }
        return voided;
    }

    public ComputedInvoice read(RedLetterForm form) {
        try {
            return json.readValue(form.lines, ComputedInvoice.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("red-letter form " + form.id + " has unreadable lines", e);
        }
    }

    private void issueRed(RedLetterForm form, Invoice blue, ComputedInvoice red) {
        var redInvoice = invoices.issueRed(blue, red, form.reason, caller.userName());
        form.redInvoiceId = redInvoice.id;
    }

    /** What red invoices and open forms already offset, per blue line. */
    private RedLetterLedger ledger(Invoice blue) {
        var earlier = new ArrayList<ComputedInvoice>();
        invoices.redInvoicesOf(blue).forEach(r -> earlier.add(invoices.lines(r)));
        RedLetterForm.<RedLetterForm>list("blueInvoiceId = ?1 and state in ?2", blue.id,
                List.of(FormState.AWAITING_BUYER.code, FormState.AWAITING_SELLER.code)).forEach(f -> earlier.add(read(f)));
        return RedLetterLedger.of(earlier);
    }

    private java.math.BigDecimal pendingTotal(Invoice blue) {
        return RedLetterForm.<RedLetterForm>list("blueInvoiceId = ?1 and state in ?2", blue.id,
                List.of(FormState.AWAITING_BUYER.code, FormState.AWAITING_SELLER.code)).stream()
                .map(f -> f.redTotal.negate()).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
    }

    private static void requireSellerMayIssue(Invoice blue) {
        var issuer = Issuer.<Issuer>find("organisation", blue.seller).firstResultOptional();
        if (issuer.isEmpty() || issuer.get().status != Issuer.Status.ACTIVE) {
            throw new ProblemException(Response.Status.CONFLICT, "the seller " + blue.seller
                    + " may not issue red invoices now: its issuing is suspended or not authorised (纳税人状态异常)");
        }
    }

    private RedLetterForm lockAsParty(long formId) {
        String organisation = caller.requireOrganisation();
        return RedLetterForm.<RedLetterForm>findByIdOptional(formId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .filter(f -> f.initiator.equals(organisation) || f.counterparty.equals(organisation))
                .orElseThrow(() -> ProblemException.notFound("red-letter form " + formId));
    }

    private void requireCounterparty(RedLetterForm form, String step) {
        if (!form.counterparty.equals(caller.requireOrganisation())) {
            throw new ProblemException(Response.Status.FORBIDDEN, "only the other party of red-letter form " + form.id + " ("
                    + form.counterparty + ") may " + step);
        }
    }

    private boolean expired(RedLetterForm form) {
        return form.confirmBy != null && Instant.now().isAfter(form.confirmBy);
    }

    private void decide(RedLetterForm form, FormState state, String note) {
        decide(form, state, note, caller.userName());
    }

    private static void decide(RedLetterForm form, FormState state, String note, String actor) {
        form.state = state.code;
        form.decidedAt = now();
        form.decidedBy = actor;
        form.decisionNote = note == null || note.isBlank() ? null : note.strip();
    }

    private String write(ComputedInvoice red) {
        try {
            return json.writeValueAsString(red);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "/lines/0/quantity" → "lines[0].quantity". */
    private static String field(String pointer) {
        return pointer.replaceAll("^/", "").replaceAll("/(\\d+)", "[$1]").replace('/', '.');
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
