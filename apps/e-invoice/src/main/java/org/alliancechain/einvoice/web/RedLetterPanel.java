package org.alliancechain.einvoice.web;

import org.alliancechain.service.web.FormErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.regex.Pattern;
import org.alliancechain.einvoice.documents.RedReason;
import org.alliancechain.einvoice.invoices.Invoice;
import org.alliancechain.einvoice.invoices.InvoiceAccess;
import org.alliancechain.einvoice.invoices.InvoiceService;
import org.alliancechain.einvoice.invoices.InvoiceViews;
import org.alliancechain.einvoice.redletter.FormState;
import org.alliancechain.einvoice.redletter.RedConsents;
import org.alliancechain.einvoice.redletter.RedLetterForm;
import org.alliancechain.einvoice.redletter.RedLetterResource;
import org.alliancechain.einvoice.redletter.RedLetterService;
import org.alliancechain.einvoice.tax.ComputedLine;
import org.alliancechain.einvoice.tax.RedLetterLedger;
import org.alliancechain.einvoice.tax.RedLineRequest;
import org.alliancechain.service.chain.ChainStates;
import org.alliancechain.service.identity.Caller;
import org.alliancechain.service.problem.ProblemException;

/**
 * The red-letter part of a blue invoice's page: what is left to offset per line (蓝字明细序号, discount
 * lines skipped) and in total, the red invoices issued against it, and the form that starts a
 * red-letter form — read into the API's {@link RedLetterResource.FormRequest}, so the pages and the
 * API refuse the same things, with the service's refusals named by blue line next to its inputs.
 */
@ApplicationScoped
public class RedLetterPanel {

    /** The name of the red-letter form on the invoice page (its errors: {@code errors.itemAt('red-letter', 'lines', …)}). */
    static final String FORM = "red-letter";

    private static final Pattern LINE_FIELD = Pattern.compile("lines\\[(\\d+)](.*)");

    static final List<InvoicePages.Choice> REASONS = Arrays.stream(RedReason.values())
            .map(r -> new InvoicePages.Choice(r.code(), r.code() + " " + r.labelZh() + " " + r.labelEn())).toList();

    /** The start form as entered (shown again when refused); quantities and amounts by blue line. */
    public record StartForm(String reason, boolean fullRed, boolean taxInclusive, boolean buyerDeducted, List<String> quantities,
                            List<String> amounts) {
        static StartForm empty(int lines) {
            return new StartForm("01", false, true, false, blanks(lines), blanks(lines));
        }

        public String quantity(int blueLine) {
            return blueLine < quantities.size() ? quantities.get(blueLine) : "";
        }

        public String amount(int blueLine) {
            return blueLine < amounts.size() ? amounts.get(blueLine) : "";
        }

        private static List<String> blanks(int n) {
            return java.util.Collections.nCopies(n, "");
        }
    }

    /**
     * One blue line a form can name: its 1-based 序号, the line as issued (amount incl. tax, net of
     * its discount), what red invoices offset, what open forms hold, and what is left.
     */
    public record LineLeft(int blueLine, int number, String name, String unit, BigDecimal quantity, BigDecimal total, BigDecimal redQuantity,
                           BigDecimal red, BigDecimal open, BigDecimal leftQuantity, BigDecimal left) {
        public boolean hasQuantity() {
            return quantity != null;
        }
    }

    /** A red invoice issued against the blue one. */
    public record RedRow(long id, String number, LocalDate issueDate, BigDecimal total, String reason, String state, String stateLabel) {
    }

    /**
     * The panel: the lines with what is left, the totals, the red invoices, and whether the caller may
     * start a form here ({@code mayStart}: issuer or receiver of the seller or buyer, a confirmed blue
     * invoice with something left; {@code hint} says what the service will refuse before it is asked).
     */
    public record Panel(boolean mayStart, boolean buyer, String hint, List<LineLeft> lines, BigDecimal remaining, BigDecimal open,
                        BigDecimal available, long openForms, List<RedRow> reds, StartForm form, RedConsents.Consent consent,
                        String pledgeNote) {
    }

    private final Caller caller;
    private final InvoiceService invoices;
    private final InvoiceAccess access;
    private final RedLetterService forms;
    private final ChainStates chainStates;
    private final Validator validator;
    private final RedConsents consents;

    RedLetterPanel(Caller caller, InvoiceService invoices, InvoiceAccess access, RedLetterService forms, ChainStates chainStates,
                   Validator validator, RedConsents consents) {
        this.consents = consents;
        this.caller = caller;
        this.invoices = invoices;
        this.access = access;
        this.forms = forms;
        this.chainStates = chainStates;
        this.validator = validator;
    }

    /** The panel of a blue invoice (null for a red one), with the form as entered (or empty). */
    public Panel of(Invoice blue, InvoiceViews.State state, StartForm entered) {
        if (blue.red) {
            return null;
        }
        var blueLines = invoices.lines(blue).redLetterableLines();
        var reds = invoices.redInvoicesOf(blue);
        var redLedger = RedLetterLedger.of(reds.stream().map(invoices::lines).toList());
        var openForms = RedLetterForm.<RedLetterForm>list("blueInvoiceId = ?1 and state in ?2", blue.id,
                List.of(FormState.AWAITING_BUYER.code, FormState.AWAITING_SELLER.code));
        var openLedger = RedLetterLedger.of(openForms.stream().map(forms::read).toList());
        var lines = new ArrayList<LineLeft>();
        for (int k = 0; k < blueLines.size(); k++) {
            ComputedLine line = blueLines.get(k);
            var red = redLedger.of(k);
            var open = openLedger.of(k);
            BigDecimal total = line.netAmount().add(line.netTax());
            BigDecimal redTotal = red.amount().add(red.tax());
            BigDecimal openTotal = open.amount().add(open.tax());
            BigDecimal leftQuantity = line.quantity() == null ? null
                    : line.quantity().subtract(red.quantity()).subtract(open.quantity()).stripTrailingZeros();
            lines.add(new LineLeft(k, k + 1, line.name(), line.unit(), line.quantity() == null ? null : line.quantity().stripTrailingZeros(),
                    total, red.quantity().signum() == 0 ? null : red.quantity().stripTrailingZeros(), redTotal, openTotal,
                    leftQuantity == null ? null : leftQuantity.signum() == 0 ? BigDecimal.ZERO : leftQuantity,
                    total.subtract(redTotal).subtract(openTotal)));
        }
        BigDecimal open = openForms.stream().map(f -> f.redTotal.negate()).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        var redRows = reds.stream().map(r -> {
            var redState = InvoiceViews.state(r, chainStates.transaction(r.chainTxId).orElse(null));
            String reason = RedReason.fromCode(r.redReason).map(x -> x.code() + " " + x.labelZh() + " " + x.labelEn()).orElse(r.redReason);
            return new RedRow(r.id, r.number, r.issueDate, r.total, reason, redState.name(), redState.chinese + " " + redState.english);
        }).toList();

        var roles = caller.roles();
        var side = access.sideOf(blue);
        boolean party = roles.contains("issuer") || roles.contains("receiver");
        boolean confirmed = state == InvoiceViews.State.ISSUED || state == InvoiceViews.State.PARTLY_RED_LETTERED;
        boolean claimed = blue.bookedBy != null || blue.reimbursedBy != null || blue.pledged;
        var consent = consents.of(blue, null).orElse(null);
        String pledgeNote = consent == null ? null : pledgeNote(consent);
        BigDecimal available = blue.remaining.subtract(open);
        if (consent != null) {
            available = available.min(consent.available());
        }
        String hint = null;
        if (consent != null) {
            hint = pledgeNote + " · 对方须在 72 小时内确认 · the other party must confirm within 72 hours";
        } else if (side == InvoiceAccess.Side.BUYER && !claimed) {
            hint = "购方未入账确认的发票由销方直接红冲 · Until the buyer books it, only the seller may offset it";
        } else if (claimed) {
            hint = "已入账或已报销：对方须在 72 小时内确认 · Booked or reimbursed: the other party must confirm within 72 hours";
        } else {
            hint = "购方尚未入账：无需确认，红字发票即时开具 · Not booked by the buyer: no confirmation needed, the red invoice is issued at once";
        }
        var form = entered == null ? StartForm.empty(blueLines.size()) : entered;
        return new Panel(party && confirmed && available.signum() > 0, side == InvoiceAccess.Side.BUYER, hint, lines, blue.remaining,
                open, available, openForms.size(), redRows, form, consent, pledgeNote);
    }

    /** "pledged — the financier consented to red-letter up to ¥X", in Chinese and English; the financier is never named. */
    static String pledgeNote(RedConsents.Consent consent) {
        if (consent.consented().signum() == 0) {
            return "已质押融资，融资方尚未同意红冲（融资方通过供应链金融同意） · Pledged for financing: the financier has not consented to a "
                    + "red-letter (it consents through supply-finance)";
        }
        String upTo = "¥" + Amounts.format(consent.consented());
        String left = "¥" + Amounts.format(consent.available());
        return "已质押融资 — 融资方同意红冲至多 " + upTo + "，尚可红冲 " + left + " · Pledged — the financier consented to red-letter up to "
                + upTo + ", " + left + " of it still available";
    }

    /**
     * Starts a red-letter form from the panel's fields: checked as the API's request record, then the
     * service decides. Refusals name the blue line ({@code lines[k].quantity} with k the blue line).
     */
    public RedLetterForm start(long blueInvoiceId, StartForm form) {
        var unreadable = new HashMap<String, String>();
        var lines = new ArrayList<RedLetterResource.RedLine>();
        var blueLineOf = new ArrayList<Integer>();
        if (!form.fullRed()) {
            int count = Math.max(form.quantities().size(), form.amounts().size());
            for (int k = 0; k < count; k++) {
                var quantity = Amounts.parse(form.quantity(k), "blue[" + k + "].quantity", unreadable);
                var amount = Amounts.parse(form.amount(k), "blue[" + k + "].amount", unreadable);
                if (quantity != null || amount != null) {
                    lines.add(new RedLetterResource.RedLine(k, quantity, amount, form.taxInclusive()));
                    blueLineOf.add(k);
                }
            }
            if (lines.isEmpty() && unreadable.isEmpty()) {
                unreadable.put("lines", "请填写要红冲的数量或金额，或选择全额红冲 · Enter a quantity or an amount to offset, or choose a full red");
            }
        }
        var request = new RedLetterResource.FormRequest(blueInvoiceId, form.reason(), form.fullRed(), form.fullRed() ? null : lines,
                form.buyerDeducted());
        var violations = validator.validate(request);
        if (!violations.isEmpty() || !unreadable.isEmpty()) {
            throw new Refused(FormErrors.of(FORM, violations, unreadable).renamed(f -> byBlueLine(f, blueLineOf)));
        }
        try {
            return forms.start(new RedLetterService.Start(blueInvoiceId, RedReason.fromCode(request.reason()).orElseThrow(), request.fullRed(),
                    lines.stream().map(l -> new RedLineRequest(l.blueLine(), l.quantity(), l.amount(), l.taxInclusive())).toList(),
                    request.buyerDeducted()));
        } catch (ProblemException e) {
            throw new Refused(FormErrors.of(FORM, e).renamed(f -> byBlueLine(f, blueLineOf)));
        }
    }

    /** A refused start, with the refusal as the page shows it. */
    public static final class Refused extends RuntimeException {
        final FormErrors errors;

        Refused(FormErrors errors) {
            super(errors.message(), null, false, false);
            this.errors = errors;
        }
    }

    /**
     * "lines[2].quantity" of the request (the third line asked for) → "lines[k].quantity" with k its
     * blue line; "blue[k].amount" (a field the form could not read, by blue line) → "lines[k].amount".
     */
    private static String byBlueLine(String field, List<Integer> blueLineOf) {
        if (field.startsWith("blue[")) {
            return "lines" + field.substring(4);
        }
        var m = LINE_FIELD.matcher(field);
        if (!m.matches()) {
            return field;
        }
        int i = Integer.parseInt(m.group(1));
        String rest = ".blueLine".equals(m.group(2)) ? ".amount" : m.group(2);
        return i < blueLineOf.size() ? "lines[" + blueLineOf.get(i) + "]" + rest : field;
    }

    static StartForm entered(String reason, String fullRed, String taxInclusive, String buyerDeducted, List<String> quantities,
                             List<String> amounts) {
        return new StartForm(reason == null ? "" : reason.strip(), checked(fullRed), checked(taxInclusive), checked(buyerDeducted),
                stripped(quantities), stripped(amounts));
    }

    private static boolean checked(String value) {
        return value != null && !value.isBlank();
    }

    private static List<String> stripped(List<String> values) {
        return values == null ? List.of() : values.stream().map(v -> v == null ? "" : v.strip()).toList();
    }
}
