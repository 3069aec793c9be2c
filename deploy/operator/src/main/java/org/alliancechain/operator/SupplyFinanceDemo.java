package org.alliancechain.operator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alliancechain.localstack.DemoData;
import org.alliancechain.localstack.LocalStack;
import org.alliancechain.localstack.SuiteApp;

/**
 * The supply-finance demo, through the service's API as the demo users, on the invoices the
 * e-invoice demo issued (acme-trading's special invoices to nova-manufacturing, as the chain holds
 * them): nova confirms four payables to acme; acme passes part of one down to pixel-studio (tier 2),
 * which accepts and passes some on to daily-news (tier 3), which accepts; acme asks for financing of
 * part of another, both banks quote, acme takes blue-bank's quote and blue-bank pays; a third request
 * waits for quotes. Runs after the e-invoice demo; skipped when nova already confirmed certificates.
 * Settled and overdue certificates need maturity to pass: they come with time, not with the demo.
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
        if (sf.get("core.nova", "/api/certificates").size() > 0) {
            System.out.println("  already there");
            return;
        }
        // acme's special invoices to nova that nothing used yet, as the e-invoice service lists them.
        var ei = new DemoClient(stack, invoices);
        var free = new ArrayList<JsonNode>();
        for (int page = 0; page < 3; page++) {
            for (JsonNode invoice : ei.get("issuer.acme", "/api/invoices?side=issued&page=" + page)) {
                if ("DIGITAL_SPECIAL".equals(invoice.path("kind").asText()) && "ISSUED".equals(invoice.path("state").asText())
                        && invoice.path("reimbursedBy").isNull() && invoice.path("buyer").asText().contains("Nova")) {
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
            DemoClient.await("certificate " + id + " on chain", () -> "OUTSTANDING".equals(sf.get("core.nova", "/api/certificates/" + id)
                    .path("status").asText()));
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
        long blueQuote = sf.get("supplier.acme", "/api/financings/" + financed).path("quotes").get(0).path("id").asLong();
        sf.post("supplier.acme", "/api/financings/" + financed + "/quotes/" + blueQuote + "/accept", Map.of(), 202);
        DemoClient.await("quote accepted and invoices pledged", () -> "ACCEPTED".equals(sf.get("supplier.acme", "/api/financings/" + financed)
                .path("status").asText()));
        sf.post("bank.blue", "/api/financings/" + financed + "/payment", Map.of("paymentReference", "BLUE-2026-000101",
                "crcRegistration", "04512345000100000101"), 202);
        DemoClient.await("financing paid", () -> "PAID".equals(sf.get("supplier.acme", "/api/financings/" + financed).path("status").asText()));
        // A request on the third certificate waits for the banks' quotes.
        long third = root(sf, certificates.get(2));
        sf.post("supplier.acme", "/api/financings", Map.of("partId", third, "value", "20000.00"), 201);
        System.out.println("  4 certificates, a part passed down two tiers (one offer open), 1 financing paid by blue-bank, 1 request open");
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
