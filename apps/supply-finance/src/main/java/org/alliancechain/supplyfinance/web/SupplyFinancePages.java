package org.alliancechain.supplyfinance.web;

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

/** What the supply-finance pages share: the shell with the caller's links (also on the home page), the notices after a step, post/redirect/get. */
@ApplicationScoped
public class SupplyFinancePages implements AppLinks {

    static final String TITLE = "供应链金融 Supply finance";

    private static final Map<String, String> NOTICES = Map.ofEntries(
            Map.entry("confirmed", "确权已提交，正在上链 · The payable is confirmed and being recorded on chain"),
            Map.entry("split", "拆分已提交，正在上链 · The split is submitted; the chain records it"),
            Map.entry("offered", "转让已发出，待对方签收 · The offer is made; it waits for the recipient"),
            Map.entry("answered", "已提交，正在上链 · Submitted; the chain records it"),
            Map.entry("requested", "融资申请已提交，待银行报价 · The financing request is made; banks may quote"),
            Map.entry("quoted", "报价已提交，正在上链计算 · The quote is submitted; the chain prices it"),
            Map.entry("accepted", "已接受报价，发票质押中 · The quote is accepted; the invoices are being pledged"),
            Map.entry("paid", "放款已登记，正在上链 · The payment is recorded; being written on chain"),
            Map.entry("withdrawn", "已撤回 · Withdrawn"),
            Map.entry("settling", "兑付已登记，正在清分 · The payment is recorded; every holder is being settled on chain"),
            Map.entry("arbitration", "仲裁申请已提交，正在上链送达仲裁委员会 · The case is filed; the chain takes it to the commission"),
            Map.entry("consented", "红冲同意已提交，正在上链 · The red-letter consent is submitted; the chain reduces the bank's part"));

    private final Caller caller;
    private final PageShells shells;

    SupplyFinancePages(Caller caller, PageShells shells) {
        this.caller = caller;
        this.shells = shells;
    }

    public PageShell page(String notice) {
        return shells.of(TITLE, forRoles(caller.roles()), notice == null ? null : NOTICES.get(notice));
    }

    @Override
    public List<PageShell.Link> forRoles(Set<String> roles) {
        var links = new ArrayList<PageShell.Link>();
        if (roles.contains("core-enterprise") || roles.contains("supplier") || roles.contains("bank")) {
            links.add(PageShells.link("certificates", "应收账款凭证", "Receivable certificates", "/app/certificates"));
        }
        if (roles.contains("supplier") || roles.contains("bank")) {
            links.add(PageShells.link("financing", "融资", "Financing desk", "/app/financings"));
        }
        if (roles.contains("core-enterprise") || roles.contains("supplier") || roles.contains("bank") || roles.contains("operator")) {
            links.add(PageShells.link("settlements", "兑付与逾期", "Settlement and overdue", "/app/settlements"));
        }
        if (roles.contains("operator")) {
            links.add(PageShells.link("overview", "平台概览", "Platform overview", "/app/overview"));
        }
        return links;
    }

    static Response seeOther(UriInfo uri, String path, String notice) {
        return Response.seeOther(uri.getBaseUriBuilder().path(path).queryParam("notice", notice).build()).build();
    }
}
