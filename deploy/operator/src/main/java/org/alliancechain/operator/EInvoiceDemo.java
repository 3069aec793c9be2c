package org.alliancechain.operator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.alliancechain.localstack.DemoData;
import org.alliancechain.localstack.LocalStack;
import org.alliancechain.localstack.SuiteApp;

/**
 * The e-invoice demo, made through the service's API as the demo users: the Beijing bureau
 * registers acme-trading, nova-manufacturing and pixel-studio and authorises the first two; they
 * issue a few hundred invoices to each other (steel, freight, software, consulting, an exempt
 * line); nova books and reimburses part of what it received, pixel's attempt to reimburse one of
 * them again is refused by the chain, acme offsets part of one invoice with a red-letter invoice
 * and starts a form that awaits nova's confirmation. On a demo chain with a past the registrations
 * happened then ({@link #history}). Skipped when nova already issued invoices.
 */
public final class EInvoiceDemo implements DemoData {

    static final String ACME_TAX_ID = "91110108MA0000001D";
    static final String NOVA_TAX_ID = "91110105MA00000025";
    static final String PIXEL_TAX_ID = "91110106MA0000003N";

    private DemoClient client;

    @Override
    public String name() {
        return "e-invoice";
    }

    /** On a demo chain with a past: the bureau registered the taxpayers and authorised the issuers then. */
    @Override
    public void history(LocalStack stack, Map<SuiteApp, String> services, org.alliancechain.localstack.ChainHistory chain) throws Exception {
        if (connect(stack, services) && client.get("tax.officer", "/api/taxpayers").isEmpty()) {
            register();
            System.out.println("  3 taxpayers registered, 2 issuers authorised, " + chain.today());
        }
    }

    @Override
    public void populate(LocalStack stack, Map<SuiteApp, String> services) throws Exception {
        if (!connect(stack, services)) {
            return;
        }
        if (client.get("tax.officer", "/api/taxpayers").isEmpty()) {
            register();
        } else if (!client.get("issuer.nova", "/api/invoices?side=issued&page=0").isEmpty()) {
            System.out.println("  already there");
            return;
        }
        var acmeToNova = invoices(NOVA_TAX_ID, 220, 0);
        var novaToAcme = invoices(ACME_TAX_ID, 90, 7);
        client.post("issuer.acme", "/api/invoices/bulk", Map.of("invoices", acmeToNova.subList(0, 120)), 201);
        client.post("issuer.acme", "/api/invoices/bulk", Map.of("invoices", acmeToNova.subList(120, 220)), 201);
        client.post("issuer.nova", "/api/invoices/bulk", Map.of("invoices", novaToAcme), 201);
        DemoClient.await("310 invoices on chain", () -> pending("issuer.acme") == 0 && pending("issuer.nova") == 0);

        var received = new ArrayList<JsonNode>();
        for (int page = 0; page < 3; page++) {
            client.get("receiver.nova", "/api/invoices?side=received&page=" + page).forEach(received::add);
        }
        // nova books 30 and reimburses 60 others of what it received; pixel presents one of those again.
        for (int i = 0; i < 30; i++) {
            client.post("receiver.nova", "/api/invoices/" + received.get(i).path("id").asLong() + "/booking", Map.of("mark",
                    i % 3 == 0 ? "BOOKED_NON_DEDUCTIBLE" : "BOOKED_DEDUCTIBLE"), 202);
        }
        var reimbursements = new ArrayList<Map<String, Object>>();
        for (int i = 30; i < 90; i++) {
            var invoice = client.get("receiver.nova", "/api/invoices/" + received.get(i).path("id").asLong());
            reimbursements.add(Map.of("kind", invoice.path("kind").asText(), "number", invoice.path("number").asText(), "issueDate",
                    invoice.path("issueDate").asText(), "total", invoice.path("total").decimalValue(), "reference", "BX-2026-" + (1000 + i)));
        }
        client.post("approver.nova", "/api/reimbursements/bulk", Map.of("invoices", reimbursements), 200);
        // Decided on chain before anything else uses these invoices (a reimbursed invoice backs no payable).
        DemoClient.await("60 reimbursements on chain", () -> reimbursed("issuer.acme") >= reimbursements.size());
        client.post("finance.pixel", "/api/reimbursements", new HashMap<>(Map.of("kind", reimbursements.get(0).get("kind"), "number",
                reimbursements.get(0).get("number"), "issueDate", reimbursements.get(0).get("issueDate"), "total",
                reimbursements.get(0).get("total"), "reference", "PX-EXP-17")), -1);
        // acme offsets two of the five units of an unbooked invoice (goods returned): issued at once (01).
        long unbooked = received.get(120).path("id").asLong();
        client.post("issuer.acme", "/api/red-letter-forms", Map.of("blueInvoiceId", unbooked, "reason", "02",
                "lines", List.of(Map.of("blueLine", 0, "quantity", "2"))), 201);
        // … and starts one on a booked invoice, which awaits nova's confirmation (02).
        client.post("issuer.acme", "/api/red-letter-forms", Map.of("blueInvoiceId", received.get(1).path("id").asLong(), "reason", "04",
                "lines", List.of(Map.of("blueLine", 0, "amount", "100.00"))), 201);
        System.out.println("  3 taxpayers, 2 issuers, 310 invoices, 30 booked, 60 reimbursed, 1 duplicate refused, 2 red-letter forms");
    }

    private boolean connect(LocalStack stack, Map<SuiteApp, String> services) {
        var app = java.util.Arrays.stream(SuiteApp.values()).filter(a -> a.id().equals("e-invoice")).findFirst().orElseThrow();
        if (!services.containsKey(app)) {
            return false;
        }
        client = new DemoClient(stack, services.get(app));
        return true;
    }

    /** The Beijing bureau registers the three taxpayers and authorises acme and nova to issue both 数电 kinds. */
    private void register() throws Exception {
        client.post("tax.officer", "/api/taxpayers", Map.of("organisation", "acme-trading", "taxId", ACME_TAX_ID,
                "name", "北京艾克米贸易有限公司 Acme Trading Co., Ltd."), 201);
        client.post("tax.officer", "/api/taxpayers", Map.of("organisation", "nova-manufacturing", "taxId", NOVA_TAX_ID,
                "name", "北京诺瓦制造有限公司 Nova Manufacturing Co., Ltd."), 201);
        client.post("tax.officer", "/api/taxpayers", Map.of("organisation", "pixel-studio", "taxId", PIXEL_TAX_ID, "name", "北京像素工作室 Pixel Studio"), 201);
        for (String org : List.of("acme-trading", "nova-manufacturing")) {
            client.post("tax.officer", "/api/issuers", Map.of("organisation", org, "kinds", List.of("DIGITAL_SPECIAL", "DIGITAL_ORDINARY"),
                    "quota", "50000000.00"), 201);
        }
        DemoClient.await("the issuers' authorisation on chain", () -> {
            for (JsonNode issuer : client.get("tax.officer", "/api/issuers")) {
                if (!"CONFIRMED".equals(issuer.path("chain").path("phase").asText())) {
                    return false;
                }
            }
            return true;
        });
    }

    /** {@code count} invoices to one buyer: a mix of goods and services at 13, 9 and 6 %, some with an exempt line. */
    static List<Map<String, Object>> invoices(String buyerTaxId, int count, int seed) {
        var items = List.of(
                List.of("*黑色金属冶炼压延品*冷轧钢板 Cold-rolled steel", "吨", "4100.00", "0.13"),
                List.of("*运输服务*国内道路货物运输 Road freight", "次", "850.00", "0.09"),
                List.of("*信息技术服务*软件维护 Software maintenance", "月", "12000.00", "0.06"),
                List.of("*机械设备*数控机床配件 CNC machine parts", "件", "365.50", "0.13"),
                List.of("*咨询服务*管理咨询 Management consulting", "天", "6800.00", "0.06"));
        var invoices = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < count; i++) {
            var item = items.get((i + seed) % items.size());
            var lines = new ArrayList<Map<String, Object>>();
            lines.add(Map.of("name", item.get(0), "unit", item.get(1), "quantity", String.valueOf(5 + (i * 7 + seed) % 40),
                    "unitPrice", item.get(2), "rate", item.get(3)));
            if (i % 11 == 5) {
                lines.add(Map.of("name", "*农产品*自产蔬菜 Own-grown vegetables", "unit", "千克", "quantity", "200", "unitPrice", "4.50",
                        "treatment", "EXEMPT", "exemptionReason", "农业生产者销售的自产农产品 Farm produce sold by its producer"));
            }
            invoices.add(Map.of("kind", i % 4 == 0 ? "DIGITAL_SPECIAL" : "DIGITAL_ORDINARY", "buyerTaxId", buyerTaxId, "lines", lines,
                    "note", "合同 Contract HT-2026-" + (300 + i)));
        }
        return invoices;
    }

    /** How many of the invoices {@code user}'s organisation issued (the first three pages) satisfy {@code test}. */
    private long issued(String user, java.util.function.Predicate<JsonNode> test) throws Exception {
        long n = 0;
        for (int page = 0; page < 3; page++) {
            for (JsonNode invoice : client.get(user, "/api/invoices?side=issued&page=" + page)) {
                n += test.test(invoice) ? 1 : 0;
            }
        }
        return n;
    }

    private long reimbursed(String user) throws Exception {
        return issued(user, invoice -> !invoice.path("reimbursedBy").isNull() && !invoice.path("reimbursedBy").isMissingNode());
    }

    private long pending(String user) throws Exception {
        return issued(user, invoice -> "PENDING".equals(invoice.path("state").asText()));
    }
}
