package org.alliancechain.copyright.web;

import org.alliancechain.service.web.FormErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alliancechain.service.identity.Caller;
import org.alliancechain.service.web.AppLinks;
import org.alliancechain.service.web.PublicLinks;
import org.alliancechain.service.web.PageShell;
import org.alliancechain.service.web.PageShells;

/** What the copyright pages share: the shell with the caller's links (also on the home page), the notices after a step, post/redirect/get. */
@ApplicationScoped
public class CopyrightPages implements AppLinks, PublicLinks {

    static final String TITLE = "版权 Copyright";

    private static final Map<String, String> NOTICES = Map.ofEntries(
            Map.entry("registered", "作品已提交登记：指纹已计算，登记记录正在时间戳与上链 · The work is submitted: fingerprinted, its record being "
                    + "time-stamped and registered on chain"),
            Map.entry("upload-started", "批量登记已开始，进度见下方；完成后可下载逐件报告 · The upload is being registered: its progress is "
                    + "below, and its report per file once it is done"),
            Map.entry("granted", "授权已提交，正在写入 LicenceRegistry · The licence is submitted; LicenceRegistry records it"),
            Map.entry("transferring", "权利转让已提交，WorkRegistry 记录后作品归受让方，不再列于此处 · The transfer is submitted; once "
                    + "WorkRegistry records it the work belongs to the new holder and leaves this list"),
            Map.entry("revoking", "撤销已提交，正在上链 · The revocation is submitted; the chain records it"),
            Map.entry("captured", "已取证：内容已保存、时间戳并正在上链锚定 · Captured: kept as found, time-stamped, being anchored on chain"),
            Map.entry("claimed", "已查验授权：无授权覆盖该使用；取证报告正在锚定，随后提交仲裁 · No licence covered the use; the report is being "
                    + "anchored, then the case is filed with arbitration"));

    private final Caller caller;
    private final PageShells shells;

    CopyrightPages(Caller caller, PageShells shells) {
        this.caller = caller;
        this.shells = shells;
    }

    public PageShell page(String notice) {
        return shells.of(TITLE, forRoles(caller.roles()), notice == null ? null : NOTICES.get(notice));
    }

    @Override
    public List<PageShell.Link> forRoles(Set<String> roles) {
        var links = new ArrayList<PageShell.Link>();
        if (roles.contains("rights-manager")) {
            links.add(PageShells.link("works", "作品登记", "Works", "/app/works"));
        }
        if (roles.contains("rights-manager") || roles.contains("licensee")) {
            links.add(PageShells.link("licences", "授权许可", "Licences", "/app/licences"));
        }
        if (roles.contains("monitor") || roles.contains("rights-manager")) {
            links.add(PageShells.link("monitoring", "侵权监测", "Monitoring desk", "/app/monitoring"));
        }
        if (roles.contains("rights-manager")) {
            links.add(PageShells.link("infringements", "侵权取证", "Infringement claims", "/app/infringements"));
        }
        links.addAll(publicLinks());
        return links;
    }

    /** The public look-up, in the header of every public page of the service (/verify too) and of the members' pages. */
    @Override
    public List<PageShell.Link> publicLinks() {
        return List.of(PageShells.link("lookup", "作品登记查询", "Is it registered?", "/verify/works"));
    }

    static Response seeOther(UriInfo uri, String path, String notice) {
        return Response.seeOther(uri.getBaseUriBuilder().path(path).queryParam("notice", notice).build()).build();
    }

    /** A refused form shown again with its refusal, under the refusal's status. */
    static Response refused(FormErrors errors, Object page) {
        return Response.status(errors.status()).entity(page).type(MediaType.TEXT_HTML).build();
    }

    static String trim(String value) {
        return value == null ? "" : value.strip();
    }
}
