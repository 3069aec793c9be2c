package org.alliancechain.einvoice.invoices;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliancechain.einvoice.EInvoiceConfig;
import org.alliancechain.einvoice.issuers.Issuer;
import org.alliancechain.einvoice.issuers.IssuerService;
import org.alliancechain.einvoice.issuers.Taxpayer;
import org.alliancechain.einvoice.tax.Cents;
import org.alliancechain.einvoice.tax.ComputedInvoice;
import org.alliancechain.einvoice.tax.InvoiceKind;
import org.alliancechain.einvoice.tax.InvoiceLineInput;
import org.alliancechain.einvoice.tax.InvoiceNumber;
import org.alliancechain.einvoice.tax.Parsed;
import org.alliancechain.einvoice.tax.Province;
import org.alliancechain.einvoice.tax.UnifiedSocialCreditCode;
import org.alliancechain.einvoice.tax.TaxCalculator;
import org.alliancechain.service.chain.ConsortiumDirectory;
import org.alliancechain.service.identity.Caller;
import org.alliancechain.service.numbering.YearlySequences;
import org.alliancechain.service.problem.Problem;
import org.alliancechain.service.problem.ProblemException;

/**
 * Issuance of blue invoices by the caller's organisation, one or many in one transaction: tax per
 * line with exact decimals, the buyer found by its tax id among the consortium's taxpayers, the
 * quota checked, 20-digit numbers taken from the consortium-wide sequence of the issuer's province,
 * the canonical record hashed, and InvoiceRegistry writes queued in batches. Any invalid invoice
 * refuses the whole request, naming the invoice, line and field; nothing is stored.
 */
@ApplicationScoped
public class InvoiceService {

    /** One invoice to issue. */
    public record Issue(InvoiceKind kind, String buyerTaxId, List<InvoiceLineInput> lines, String note) {
    }

    /** Refused invoices: each violation names its field as bean validation does (e.g. invoices[3].lines[0].amount). */
    static ProblemException refused(List<Problem.Violation> violations) {
        String detail = violations.size() == 1 ? violations.getFirst().field() + ": " + violations.getFirst().message()
                : violations.size() + " problems in the invoices, nothing was issued; the first: " + violations.getFirst().field() + ": "
                + violations.getFirst().message();
        return new ProblemException(ProblemException.UNPROCESSABLE, detail, violations);
    }

    /** "invoices", 3, "/lines/0/amount" → "invoices[3].lines[0].amount"; a single invoice has no prefix. */
    static String field(String prefix, int index, String pointer) {
        var field = new StringBuilder(prefix.isEmpty() ? "" : prefix + "[" + index + "]");
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.chars().allMatch(Character::isDigit)) {
                field.append('[').append(part).append(']');
            } else {
                field.append(field.isEmpty() ? "" : ".").append(part);
            }
        }
        return field.toString();
    }

    static final String SERIES = "einvoice-number";

    private final Caller caller;
    private final IssuerService issuers;
    private final ConsortiumDirectory directory;
    private final InvoiceChain chain;
    private final YearlySequences sequences;
    private final EInvoiceConfig config;
    private final ObjectMapper json;
    private final org.alliancechain.service.chain.ChainClock chainClock;

    InvoiceService(Caller caller, IssuerService issuers, ConsortiumDirectory directory, InvoiceChain chain, YearlySequences sequences,
                   EInvoiceConfig config, ObjectMapper json, org.alliancechain.service.chain.ChainClock chainClock) {
        this.chainClock = chainClock;
        this.caller = caller;
        this.issuers = issuers;
        this.directory = directory;
        this.chain = chain;
        this.sequences = sequences;
        this.config = config;
        this.json = json;
    }

    @Transactional
    public Invoice issue(Issue issue) {
        return issue(List.of(issue), "").getFirst();
    }

    /**
     * Issues the invoices in one transaction; {@code pointerPrefix} is where they sit in the request
     * ("" for a single invoice, "invoices" for a list), so refusals point at the right field.
     */
    @Transactional
    public List<Invoice> issue(List<Issue> issues, String pointerPrefix) {
        return issueAs(caller.requireOrganisation(), caller.userName(), issues, pointerPrefix);
    }

    /**
     * {@link #issue(List, String)} for a seller and user named explicitly: a bulk upload's job runs
     * outside the request that started it.
     */
    @Transactional
    public List<Invoice> issueAs(String seller, String userName, List<Issue> issues, String pointerPrefix) {
        if (issues.size() > config.issuance().maxPerRequest()) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "at most " + config.issuance().maxPerRequest()
                    + " invoices at a time (einvoice.issuance.max-per-request); split the request", pointerPrefix.isEmpty() ? "body" : pointerPrefix);
        }
        Issuer issuer = issuers.lockIssuer(seller);
        var sellerTaxpayer = Taxpayer.byOrganisation(seller).orElseThrow();
        var violations = new ArrayList<Problem.Violation>();
        var computed = new ArrayList<ComputedInvoice>(issues.size());
        var buyers = buyers(issues, seller, pointerPrefix, violations);
        var sums = new LinkedHashMap<InvoiceKind, BigDecimal>();
        for (int i = 0; i < issues.size(); i++) {
            var issue = issues.get(i);
            int index = i;
            var result = TaxCalculator.compute(issue.lines());
            for (var v : result.violations()) {
                violations.add(new Problem.Violation(field(pointerPrefix, i, v.pointer()), v.reasonEn() + " (" + v.reasonZh() + ")"));
            }
            if (issue.kind() == null || !issue.kind().issuable()) {
                violations.add(new Problem.Violation(field(pointerPrefix, i, "/kind"), "must be DIGITAL_SPECIAL or DIGITAL_ORDINARY"));
            } else if (result.ok()) {
                sums.merge(issue.kind(), result.totalWithTax(), BigDecimal::add);
                if (result.totalWithTax().signum() <= 0) {
                    violations.add(new Problem.Violation(field(pointerPrefix, index, "/lines"), "a blue invoice's total must be positive (蓝字发票价税合计须大于零)"));
                }
            }
            computed.add(result);
        }
        if (!violations.isEmpty()) {
            throw refused(violations);
        }
        BigDecimal total = sums.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        // the chain's month, as InvoiceRegistry counts it (the chain's clock may run ahead of this one's)
        String period = Issuer.period(chainClock.now());
        for (var kind : sums.keySet()) {
            issuer.requireCanIssue(kind, total, period);
        }
        issuer.use(total, period);
        issuer.touch();

        var province = province(sellerTaxpayer);
        LocalDate today = LocalDate.now(YearlySequences.ZONE);
        long first = sequences.reserve(SERIES, province.digits() + config.channel(), today.getYear(), issues.size());
        var now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var invoices = new ArrayList<Invoice>(issues.size());
        var lineCents = new ArrayList<List<BigInteger>>(issues.size());
        for (int i = 0; i < issues.size(); i++) {
            var issue = issues.get(i);
            var buyer = buyers.get(issue.buyerTaxId());
            var c = computed.get(i);
            var invoice = new Invoice();
            invoice.kind = issue.kind();
            invoice.number = InvoiceNumber.of(today.getYear(), province, Integer.parseInt(config.channel()), first + i).value();
            invoice.chainInvoiceId = InvoiceChain.invoiceId(invoice.kind, invoice.number);
            invoice.issueDate = today;
            invoice.seller = seller;
            invoice.sellerTaxId = sellerTaxpayer.taxId;
            invoice.sellerName = sellerTaxpayer.name;
            invoice.buyer = buyer.organisation;
            invoice.buyerTaxId = buyer.taxId;
            invoice.buyerName = buyer.name;
            invoice.currency = "CNY";
            invoice.totalExclTax = c.totalAmount();
            invoice.totalTax = c.totalTax();
            invoice.total = c.totalWithTax();
            invoice.remaining = invoice.total;
            invoice.lines = write(c);
            invoice.note = issue.note() == null || issue.note().isBlank() ? null : issue.note().strip();
            invoice.record = InvoiceRecord.of(invoice, c, null).attested();
            invoice.issuedBy = userName;
            invoice.issuedAt = now;
            invoices.add(invoice);
            lineCents.add(redLetterableCents(c));
        }
        // The chain writes first, so each row is inserted once with its write's id (batched inserts, no updates after).
        if (invoices.size() == 1) {
            invoices.getFirst().chainTxId = chain.issue(invoices.getFirst(), lineCents.getFirst(), issuer.lastChainTxId);
        } else {
            long[] txs = chain.issueAll(seller, invoices, lineCents, config.issuance().perTransaction(), issuer.lastChainTxId);
            for (int i = 0; i < invoices.size(); i++) {
                invoices.get(i).chainTxId = txs[i];
            }
        }
        InvoiceRows.insertAll(invoices);
        return invoices;
    }

    /**
     * Issues the red invoice (红字发票) that offsets part or all of {@code blue}, for the blue
     * invoice's seller, as a red-letter form in state 01 or 04 asks: a new number of the seller's
     * province, negative amounts, the record naming the blue invoice and the reason, and
     * InvoiceRegistry.redLetter queued after the blue invoice's last chain write. The caller holds
     * the blue invoice's lock and has checked the bounds.
     */
    public Invoice issueRed(Invoice blue, ComputedInvoice red, String reason, String issuedBy) {
        var seller = Taxpayer.byOrganisation(blue.seller).orElseThrow();
        var province = province(seller);
        LocalDate today = LocalDate.now(YearlySequences.ZONE);
        long sequence = sequences.reserve(SERIES, province.digits() + config.channel(), today.getYear(), 1);
        var invoice = new Invoice();
        invoice.kind = blue.kind;
        invoice.number = InvoiceNumber.of(today.getYear(), province, Integer.parseInt(config.channel()), sequence).value();
        invoice.chainInvoiceId = InvoiceChain.invoiceId(invoice.kind, invoice.number);
        invoice.issueDate = today;
        invoice.seller = blue.seller;
        invoice.sellerTaxId = blue.sellerTaxId;
        invoice.sellerName = blue.sellerName;
        invoice.buyer = blue.buyer;
        invoice.buyerTaxId = blue.buyerTaxId;
        invoice.buyerName = blue.buyerName;
        invoice.currency = blue.currency;
        invoice.totalExclTax = red.totalAmount();
        invoice.totalTax = red.totalTax();
        invoice.total = red.totalWithTax();
        invoice.remaining = BigDecimal.ZERO.setScale(2);
        invoice.red = true;
        invoice.blueId = blue.id;
        invoice.redReason = reason;
        invoice.lines = write(red);
        invoice.note = "红字发票 对应蓝字发票 " + blue.number + " Offsets invoice " + blue.number;
        invoice.record = InvoiceRecord.of(invoice, red, new InvoiceRecord.Original(blue.number, blue.issueDate.toString(), reason)).attested();
        invoice.issuedBy = issuedBy;
        invoice.issuedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // A pledged invoice's red invoice uses the financier's consent once the chain records it (Pledges clears this then).
        invoice.consentUse = blue.pledged ? red.totalWithTax().negate() : null;
        invoice.persist();

        var blueLines = lines(blue);
        var blueCents = redLetterableCents(blueLines);
        var redCents = new ArrayList<BigInteger>(blueCents.size());
        for (int k = 0; k < blueCents.size(); k++) {
            int line = k;
            BigDecimal magnitude = red.lines().stream().filter(l -> l.sourceLine() == line)
                    .map(l -> l.amount().add(l.tax())).reduce(BigDecimal.ZERO, BigDecimal::add).negate();
            redCents.add(Cents.of(magnitude.max(BigDecimal.ZERO)));
        }
        Long previous = Invoice.<Invoice>find("blueId = ?1 and id <> ?2 order by id desc", blue.id, invoice.id).firstResultOptional()
                .map(i -> i.chainTxId).orElse(blue.chainTxId);
        invoice.chainTxId = chain.redLetter(blue, invoice, blueCents, redCents, previous);
        blue.remaining = blue.remaining.add(red.totalWithTax()).max(BigDecimal.ZERO);
        return invoice;
    }

    /** The red invoices issued against a blue one, oldest first. */
    public List<Invoice> redInvoicesOf(Invoice blue) {
        return Invoice.list("blueId = ?1 order by id", blue.id);
    }

    /** The amounts (incl. tax, net of discounts) of the lines a red-letter form may name, in cents: InvoiceRegistry's linesDigest. */
    public static List<BigInteger> redLetterableCents(ComputedInvoice computed) {
        return computed.redLetterableLines().stream().map(l -> Cents.of(l.netAmount().add(l.netTax()))).toList();
    }

    public ComputedInvoice lines(Invoice invoice) {
        try {
            return json.readValue(invoice.lines, ComputedInvoice.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("invoice " + invoice.number + " has unreadable lines: " + e.getMessage(), e);
        }
    }

    private String write(ComputedInvoice computed) {
        try {
            return json.writeValueAsString(computed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Province province(Taxpayer seller) {
        return Province.byCode(Integer.parseInt(seller.province)).orElseThrow(() -> new ProblemException(
                Response.Status.INTERNAL_SERVER_ERROR, "the province of " + seller.organisation + " is not known"));
    }

    /** The buyers by tax id: registered taxpayers that are active members, and not the seller. */
    private Map<String, Taxpayer> buyers(List<Issue> issues, String seller, String pointerPrefix, List<Problem.Violation> violations) {
        var taxIds = issues.stream().map(Issue::buyerTaxId).filter(java.util.Objects::nonNull).distinct().toList();
        var found = new HashMap<String, Taxpayer>();
        for (int from = 0; from < taxIds.size(); from += 1000) {
            Taxpayer.<Taxpayer>list("taxId in ?1", taxIds.subList(from, Math.min(taxIds.size(), from + 1000)))
                    .forEach(t -> found.put(t.taxId, t));
        }
        var active = new HashMap<String, Boolean>();
        for (int i = 0; i < issues.size(); i++) {
            String taxId = issues.get(i).buyerTaxId();
            String at = field(pointerPrefix, i, "/buyerTaxId");
            var buyer = taxId == null ? null : found.get(taxId);
            if (taxId != null && UnifiedSocialCreditCode.parse(taxId) instanceof Parsed.Error<UnifiedSocialCreditCode> error) {
                violations.add(new Problem.Violation(at, error.error().messageEn() + " (" + error.error().messageZh() + ")"));
            } else if (buyer == null) {
                violations.add(new Problem.Violation(at, "no member of the consortium is registered with tax id " + taxId
                        + " (购买方不是联盟成员)"));
            } else if (buyer.organisation.equals(seller)) {
                violations.add(new Problem.Violation(at, "the buyer must be another organisation than the seller"));
            } else if (!active.computeIfAbsent(buyer.organisation, directory::isActiveMember)) {
                violations.add(new Problem.Violation(at, "the buyer '" + buyer.organisation + "' is not an active member of the consortium"));
            }
        }
        return found;
    }
}
