package org.alliancechain.einvoice.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alliancechain.service.identity.Caller;
import org.alliancechain.service.web.AppLinks;
import org.alliancechain.service.web.PageShell;
import org.alliancechain.service.web.PageShells;

/**
 * What the e-invoice pages share: the page shell with the links of the caller's roles (the same on
 * the home page, through {@link AppLinks}), the notices after a step, and the redirect to a page
 * after a form was accepted (post/redirect/get).
 */
@ApplicationScoped
public class EInvoicePages implements AppLinks {

    static final String TITLE = "电子发票 E-invoice";

    private static final Map<String, String> NOTICES = Map.ofEntries(
            Map.entry("registered", "纳税人已登记 · The taxpayer is registered"),
            Map.entry("authorised", "已授权开票，正在上链 · The issuer is authorised; being recorded on chain"),
            Map.entry("limits", "开票限额已变更，正在上链 · The limits are changed; being recorded on chain"),
            Map.entry("suspended", "已暂停开票，正在上链 · Issuing is suspended; being recorded on chain"),
            Map.entry("reinstated", "已恢复开票，正在上链 · Issuing is reinstated; being recorded on chain"),
            Map.entry("issued", "发票已开具，正在上链 · The invoice is issued and being recorded on chain"),
            Map.entry("booked", "入账确认已提交，待链上确认 · The booking is submitted; the chain decides"),
            Map.entry("reimbursing", "报销已提交，待链上确认 · The reimbursement is submitted; the chain decides"),
            Map.entry("reversing", "撤销已提交，待链上记录 · Taking it back is submitted; the chain records it"),
            Map.entry("red-issued", "无需确认，红字发票已开具，正在上链 · No confirmation needed: the red invoice is issued and being recorded on chain"),
            Map.entry("red-started", "红字确认单已提交，待对方在 72 小时内确认 · The red-letter form awaits the other party's confirmation within 72 hours"),
            Map.entry("red-confirmed", "红字确认单已确认，红字发票已开具，正在上链 · The form is confirmed: the red invoice is issued and being recorded on chain"),
            Map.entry("red-refused", "红字确认单已拒绝（作废） · The red-letter form is refused (void)"),
            Map.entry("red-withdrawn", "红字确认单已撤销（作废） · The red-letter form is withdrawn (void)"));

    private final Caller caller;
    private final PageShells shells;

    EInvoicePages(Caller caller, PageShells shells) {
        this.caller = caller;
        this.shells = shells;
    }

    /** The shell of a signed-in page: the suite's header, the caller's e-invoice links, the notice of the last step. */
    public PageShell page(String notice) {
        return shells.of(TITLE, forRoles(caller.roles()), notice == null ? null : NOTICES.get(notice));
    }

    /** The shell of a public page (nobody signed in). */
    public PageShell anonymous() {
        return shells.anonymous(TITLE);
    }

    @Override
    public List<PageShell.Link> forRoles(Set<String> roles) {
        var links = new ArrayList<PageShell.Link>();
        if (roles.contains("tax-officer")) {
            links.add(PageShells.link("bureau", "税务局 · 开票方管理", "Bureau · issuers", "/app/bureau"));
            links.add(PageShells.link("oversight", "监管统计", "Oversight", "/app/bureau/oversight"));
        }
        if (roles.contains("issuer")) {
            links.add(PageShells.link("issued", "已开发票", "Issued invoices", "/app/invoices/issued"));
            links.add(PageShells.link("new-invoice", "开具发票", "Issue an invoice", "/app/invoices/new"));
        }
        if (roles.contains("receiver") || roles.contains("expense-approver")) {
            links.add(PageShells.link("received", "收到的发票", "Received invoices", "/app/invoices/received"));
        }
        if (roles.contains("expense-approver") || roles.contains("receiver")) {
            links.add(PageShells.link("reimbursements", "报销与入账", "Reimbursements", "/app/reimbursements"));
        }
        if (roles.contains("issuer") || roles.contains("receiver")) {
            links.add(PageShells.link("red-letter", "红字确认单", "Red-letter forms", "/app/red-letter"));
        }
        links.add(PageShells.link("verify-invoice", "发票查验", "Verify an invoice", "/verify/invoice"));
        return links;
    }

    /** 303 to a page of this app after a step, with the step's notice. */
    static Response seeOther(UriInfo uri, String path, String notice) {
        return Response.seeOther(uri.getBaseUriBuilder().path(path).queryParam("notice", notice).build()).build();
    }

    static String trim(String value) {
        return value == null ? "" : value.strip();
    }
}
