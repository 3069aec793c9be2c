package org.alliancechain.operator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alliancechain.localstack.ChainHistory;
import org.alliancechain.localstack.DemoData;
import org.alliancechain.localstack.LocalStack;
import org.alliancechain.localstack.SuiteApp;

/**
 * The supply-finance demo, through the service's API as the demo users, on the invoices the
 * e-invoice demo issued (acme-trading's special invoices to nova-manufacturing, as the chain holds
 * them): nova confirms four payables to acme; acme passes part of one down to pixel-studio (tier 2),
 * which accepts and passes some on to daily-news (tier 3), which accepts; acme asks for financing of
 * part of another, both banks quote, acme takes blue-bank's quote and blue-bank pays; a third request
 * waits for quotes. Runs after the e-invoice demo; skipped when nova already confirmed them.
 * <p>
 * On a demo chain with a past ({@link #history}), ten days before today: acme issues three special
 * invoices to nova, nova confirms a payable on each maturing the next day; acme passes a third of the
 * first to pixel-studio and has river-bank finance the third; at maturity nova pays both (settled to
 * the holders and to the bank, with their settlement statements) and leaves the second unpaid past the
 * grace days, so the service marks it overdue and nova's overdue record shows it; now, acme takes it to
 * arbitration.
 */
public final class SupplyFinanceDemo implements DemoData {

    private static final ZoneId CST = ZoneId.of("Asia/Shanghai");

    @Override
    public String name() {
        return "supply-finance";
    }

    @Override
    public void populate(LocalStack stack, Map<SuiteApp, String> services) throws Exception {
        var finance = app(services, "supply-finance");
        var invoices = app(services, "e-invoice");
        if (finance == null || invoices == null) {
            return;
        }
        var sf = new DemoClient(stack, finance);
        var used = new java.util.HashSet<String>();
        for (JsonNode certificate : sf.get("core.nova", "/api/certificates")) {
            if (certificate.path("poNumber").asText().startsWith("PO-NOVA-2026-81")) {
                System.out.println("  already there");
                return;
            }
            // the list leaves the invoices out: the certificate's own view names them
            sf.get("core.nova", "/api/certificates/" + certificate.path("id").asLong()).path("invoices")
                    .forEach(i -> used.add(i.path("number").asText()));
        }
        // acme's special invoices to nova that nothing used yet, as the e-invoice service lists them.
        var ei = new DemoClient(stack, invoices);
        var free = new ArrayList<JsonNode>();
        for (int page = 0; page < 3; page++) {
            for (JsonNode invoice : ei.get("issuer.acme", "/api/invoices?side=issued&page=" + page)) {
                if ("DIGITAL_SPECIAL".equals(invoice.path("kind").asText()) && "ISSUED".equals(invoice.path("state").asText())
                        && invoice.path("reimbursedBy").isNull() && invoice.path("buyer").asText().contains("Nova")
                        && !used.contains(invoice.path("number").asText())) {
                    free.add(invoice);
                }
            }
        }
        if (free.size() < 8) {
            throw new IllegalStateException("the e-invoice demo left " + free.size() + " special invoices from acme to nova; 8 are needed");
        }
        var certificates = new ArrayList<Long>();
        int[] months = {2, 3, 4, 5};
        for (int c = 0; c < 4; c++) {
            var backing = List.of(free.get(2 * c), free.get(2 * c + 1));
            long cover = 0;
            for (var invoice : backing) {
                cover += invoice.path("total").decimalValue().movePointRight(2).longValueExact();
            }
            var body = Map.of("supplier", "acme-trading", "face", java.math.BigDecimal.valueOf(cover / 100 * 100, 2).toPlainString(),
                    "maturity", LocalDate.now(CST).plusMonths(months[c]).toString(), "longTenor", false, "poNumber", "PO-NOVA-2026-" + (810 + c),
                    "invoices", backing.stream().map(i -> Map.of("kind", "DIGITAL_SPECIAL", "number", i.path("number").asText())).toList());
            // The supply-finance service knows the invoices once its indexer followed InvoiceRegistry: retried until then.
            certificates.add(sf.postUntil("certificate " + (c + 1) + " confirmed", "core.nova", "/api/certificates", body, 201).path("id").asLong());
        }
        for (long id : certificates) {
            awaitStatus(sf, id, "OUTSTANDING");
        }
        // Tier 1 → tier 2 → tier 3 on the first certificate.
        long root = root(sf, certificates.get(0));
        String expiry = LocalDateTime.now(CST).plusDays(10).atZone(CST).toInstant().toString();
        sf.post("supplier.acme", "/api/parts/" + root + "/offer", Map.of("value", half(sf, certificates.get(0), root), "recipient",
                "pixel-studio", "expiresAt", expiry), 202);
        long tier2 = awaitOffer(sf, "supplier.pixel");
        sf.post("supplier.pixel", "/api/parts/" + tier2 + "/accept", Map.of(), 202);
        DemoClient.await("tier 2 holds its part", () -> held(sf, "supplier.pixel", tier2));
        sf.post("supplier.pixel", "/api/parts/" + tier2 + "/offer", Map.of("value", "10000.00", "recipient", "daily-news",
                "expiresAt", expiry), 202);
        // An open offer to tier 3 stays in the wallet for the demo user to answer (daily-news has no supplier user).

        // Financing on the second certificate: two quotes, blue-bank's taken and paid.
        long second = root(sf, certificates.get(1));
        long financed = sf.post("supplier.acme", "/api/financings", Map.of("partId", second, "value", half(sf, certificates.get(1), second)), 201)
                .path("id").asLong();
        DemoClient.await("financing request on chain", () -> "REQUESTED".equals(sf.get("supplier.acme", "/api/financings/" + financed)
                .path("status").asText()));
        String today = LocalDate.now(CST).toString();
        String validUntil = LocalDateTime.now(CST).plusDays(2).atZone(CST).toInstant().toString();
        sf.post("bank.blue", "/api/financings/" + financed + "/quotes", Map.of("annualRate", "3.90", "fee", "1500.00", "recourse", false,
                "discountDate", today, "validUntil", validUntil), 202);
        sf.post("bank.river", "/api/financings/" + financed + "/quotes", Map.of("annualRate", "4.35", "fee", "0.00", "recourse", true,
                "discountDate", today, "validUntil", validUntil), 202);
        DemoClient.await("two quotes priced on chain", () -> {
            var quotes = sf.get("supplier.acme", "/api/financings/" + financed).path("quotes");
            return quotes.size() == 2 && "OFFERED".equals(quotes.get(0).path("status").asText()) && "OFFERED".equals(quotes.get(1).path("status").asText());
        });
        acceptFirstQuoteAndPay(sf, financed, "bank.blue", "BLUE-2026-000101", "04512345000100000101");
        // A request on the third certificate waits for the banks' quotes.
        long third = root(sf, certificates.get(2));
        sf.post("supplier.acme", "/api/financings", Map.of("partId", third, "value", "20000.00"), 201);
        System.out.println("  4 certificates, a part passed down two tiers (one offer open), 1 financing paid by blue-bank, 1 request open");
        try {
            if (fileOverdue(sf)) {
                System.out.println("  acme took the overdue certificate to arbitration (the case is in odr-arbitration)");
            }
        } catch (Exception e) {
            System.out.println("  the overdue certificate was not taken to arbitration: " + e.getMessage());
        }
    }

    /** Days a certificate may stay unpaid after its payment date before it is marked overdue (the service's default). */
    private static final int GRACE_DAYS = 3;

    @Override
    public void history(LocalStack stack, Map<SuiteApp, String> services, ChainHistory chain) throws Exception {
        var finance = app(services, "supply-finance");
        var invoices = app(services, "e-invoice");
        if (finance == null || invoices == null) {
            return;
        }
        var sf = new DemoClient(stack, finance);
        if (sf.get("core.nova", "/api/certificates").size() > 0) {
            return;
        }
        // Ten days ago, ten in the morning (China time): the day's offers and quotes expire before the next day begins.
        chain.advanceTo(LocalDate.now(CST).minusDays(10).atTime(10, 0).atZone(CST).toInstant());
        LocalDate confirmed = chain.today();
        // acme's three special invoices to nova (steel, CNC parts, software maintenance), issued through the e-invoice service.
        var ei = new DemoClient(stack, invoices);
        var issued = new ArrayList<JsonNode>();
        for (var line : List.of(List.of("*黑色金属冶炼压延品*冷轧钢板 Cold-rolled steel", "吨", "4100.00", "18", "0.13"),
                List.of("*机械设备*数控机床配件 CNC machine parts", "件", "365.50", "120", "0.13"),
                List.of("*信息技术服务*软件维护 Software maintenance", "月", "12000.00", "6", "0.06"))) {
            issued.add(ei.post("issuer.acme", "/api/invoices", Map.of("kind", "DIGITAL_SPECIAL", "buyerTaxId", EInvoiceDemo.NOVA_TAX_ID,
                    "lines", List.of(Map.of("name", line.get(0), "unit", line.get(1), "quantity", line.get(3), "unitPrice", line.get(2),
                            "rate", line.get(4))), "note", "合同 Contract HT-2026-" + line.get(3)), 201));
        }
        var certificates = new ArrayList<Long>();
        for (int c = 0; c < issued.size(); c++) {
            var invoice = issued.get(c);
            long cents = invoice.path("total").decimalValue().movePointRight(2).longValueExact();
            var body = Map.of("supplier", "acme-trading", "face", java.math.BigDecimal.valueOf(cents / 100 * 100, 2).toPlainString(),
                    "maturity", confirmed.plusDays(1).toString(), "longTenor", false, "poNumber", "PO-NOVA-2026-80" + (c + 1),
                    "invoices", List.of(Map.of("kind", "DIGITAL_SPECIAL", "number", invoice.path("number").asText())));
            certificates.add(sf.postUntil("short certificate " + (c + 1) + " confirmed", "core.nova", "/api/certificates", body, 201)
                    .path("id").asLong());
        }
        for (long id : certificates) {
            awaitStatus(sf, id, "OUTSTANDING");
        }
        long passed = certificates.get(0);
        long unpaidId = certificates.get(1);
        long financedId = certificates.get(2);
        // The first: acme passes a third of it to pixel-studio, which accepts; at maturity both are paid.
        long root = root(sf, passed);
        String third = sf.get("core.nova", "/api/certificates/" + passed).path("face").decimalValue()
                .divide(java.math.BigDecimal.valueOf(3), 2, java.math.RoundingMode.DOWN).toPlainString();
        sf.post("supplier.acme", "/api/parts/" + root + "/offer", Map.of("value", third, "recipient", "pixel-studio",
                "expiresAt", chain.now().plus(java.time.Duration.ofHours(2)).toString()), 202);
        long pixelPart = awaitOffer(sf, "supplier.pixel");
        sf.post("supplier.pixel", "/api/parts/" + pixelPart + "/accept", Map.of(), 202);
        DemoClient.await("pixel-studio holds its part", () -> held(sf, "supplier.pixel", pixelPart));
        // The third: river-bank finances all of it; at maturity nova pays the bank.
        long financing = sf.post("supplier.acme", "/api/financings", Map.of("partId", root(sf, financedId), "value",
                sf.get("core.nova", "/api/certificates/" + financedId).path("face").decimalValue().toPlainString()), 201).path("id").asLong();
        DemoClient.await("financing request on chain", () -> "REQUESTED".equals(sf.get("supplier.acme", "/api/financings/" + financing)
                .path("status").asText()));
        sf.post("bank.river", "/api/financings/" + financing + "/quotes", Map.of("annualRate", "4.10", "fee", "0.00", "recourse", true,
                "discountDate", confirmed.toString(), "validUntil", chain.now().plus(java.time.Duration.ofHours(2)).toString()), 202);
        DemoClient.await("river-bank's quote on chain", () -> {
            var quotes = sf.get("supplier.acme", "/api/financings/" + financing).path("quotes");
            return quotes.size() == 1 && "OFFERED".equals(quotes.get(0).path("status").asText());
        });
        acceptFirstQuoteAndPay(sf, financing, "bank.river", "RIVER-2026-000042", "04512345000100000042");

        // Both paid on their payment date (a maturity on a holiday rolls to the next business day).
        var due = sf.get("core.nova", "/api/certificates/" + passed);
        chain.advanceTo(morningOf(LocalDate.parse(due.path("paymentDate").asText())));
        for (long id : List.of(passed, financedId)) {
            var certificate = sf.get("core.nova", "/api/certificates/" + id);
            sf.postUntil("certificate " + id + " paid at maturity", "core.nova", "/api/settlements", Map.of("certificateId", id,
                    "amount", certificate.path("face").decimalValue().toPlainString(), "paymentReference", "CNAPS-NOVA-2026-08" + id), 202);
        }
        for (long id : List.of(passed, financedId)) {
            awaitStatus(sf, id, "SETTLED");
        }
        // The second is not paid: once its grace days have passed the service marks it overdue on chain by itself.
        var unpaid = sf.get("core.nova", "/api/certificates/" + unpaidId);
        var overdueFrom = morningOf(LocalDate.parse(unpaid.path("paymentDate").asText()).plusDays(GRACE_DAYS + 1));
        String settled = "from " + confirmed + ": 3 certificates maturing the next day; one passed in part to pixel-studio and one financed by "
                + "river-bank, both settled at maturity (to the holders, to the bank)";
        if (overdueFrom.isAfter(java.time.Instant.now())) {
            System.out.println("  " + settled + "; the unpaid one falls due on " + unpaid.path("paymentDate").asText()
                    + " (a long holiday): not yet overdue");
            return;
        }
        chain.advanceTo(overdueFrom);
        awaitStatus(sf, unpaidId, "OVERDUE");
        System.out.println("  " + settled + "; one left unpaid, overdue");
    }

    /**
     * The holder of the overdue certificate (from {@link #history}) files against nova in one step, now: the case
     * reaches odr-arbitration through the chain with the certificate's history as its evidence.
     */
    private static boolean fileOverdue(DemoClient sf) throws Exception {
        for (JsonNode listed : sf.get("core.nova", "/api/certificates")) {
            if (!"OVERDUE".equals(listed.path("status").asText())) {
                continue;
            }
            var certificate = sf.get("core.nova", "/api/certificates/" + listed.path("id").asLong());
            for (JsonNode part : certificate.path("parts")) {
                if ("acme-trading".equals(part.path("holder").asText()) && "OVERDUE".equals(part.path("state").asText())) {
                    sf.post("supplier.acme", "/api/arbitrations", Map.of("partId", part.path("partId").asLong(), "claim",
                            "Acme Trading claims the ¥" + part.path("value").decimalValue().toPlainString() + " of " + certificate.path("number").asText()
                                    + " that Nova Manufacturing left unpaid at maturity (payment date " + certificate.path("paymentDate").asText()
                                    + ") and after the grace days."), 201);
                    return true;
                }
            }
        }
        return false;
    }

    private static void awaitStatus(DemoClient sf, long certificate, String status) throws Exception {
        DemoClient.await("certificate " + certificate + " " + status, () -> status.equals(sf.get("core.nova", "/api/certificates/"
                + certificate).path("status").asText()));
    }

    /** acme takes the financing's first quote (its invoices are pledged on chain), and that bank pays. */
    private static void acceptFirstQuoteAndPay(DemoClient sf, long financing, String bankUser, String paymentReference, String crcRegistration)
            throws Exception {
        long quote = sf.get("supplier.acme", "/api/financings/" + financing).path("quotes").get(0).path("id").asLong();
        sf.post("supplier.acme", "/api/financings/" + financing + "/quotes/" + quote + "/accept", Map.of(), 202);
        DemoClient.await("quote accepted and the invoices pledged", () -> "ACCEPTED".equals(sf.get("supplier.acme", "/api/financings/"
                + financing).path("status").asText()));
        sf.post(bankUser, "/api/financings/" + financing + "/payment", Map.of("paymentReference", paymentReference,
                "crcRegistration", crcRegistration), 202);
        DemoClient.await("financing paid", () -> "PAID".equals(sf.get("supplier.acme", "/api/financings/" + financing).path("status").asText()));
    }

    /** Nine in the morning, China time, of a day. */
    private static java.time.Instant morningOf(LocalDate day) {
        return day.atTime(9, 0).atZone(CST).toInstant();
    }

    private static String app(Map<SuiteApp, String> services, String id) {
        return java.util.Arrays.stream(SuiteApp.values()).filter(a -> a.id().equals(id)).findFirst().map(services::get).orElse(null);
    }

    private static long root(DemoClient sf, long certificate) throws Exception {
        return sf.get("core.nova", "/api/certificates/" + certificate).path("parts").get(0).path("partId").asLong();
    }

    /** Half of a part's value, in yuan. */
    private static String half(DemoClient sf, long certificate, long part) throws Exception {
        for (JsonNode p : sf.get("core.nova", "/api/certificates/" + certificate).path("parts")) {
            if (p.path("partId").asLong() == part) {
                return p.path("value").decimalValue().divide(java.math.BigDecimal.TWO, 2, java.math.RoundingMode.DOWN).toPlainString();
            }
        }
        throw new IllegalStateException("no part " + part);
    }

    private static long awaitOffer(DemoClient sf, String user) throws Exception {
        long[] found = {0};
        DemoClient.await("the offer reaches " + user, () -> {
            for (JsonNode p : sf.get(user, "/api/parts")) {
                if ("PENDING".equals(p.path("state").asText())) {
                    found[0] = p.path("partId").asLong();
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private static boolean held(DemoClient sf, String user, long part) throws Exception {
        for (JsonNode p : sf.get(user, "/api/parts")) {
            if (p.path("partId").asLong() == part && "ACTIVE".equals(p.path("state").asText())) {
                return true;
            }
        }
        return false;
    }
}
