package org.alliancechain.odr.web;

import jakarta.ws.rs.core.Response;
import org.alliancechain.odr.cases.CaseActionRefused;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A step refused on a feature's page (cases, evidence, award) shows the composed case page again with the reason. */
public class CaseActionRefusals {

    private final CasePages pages;

    CaseActionRefusals(CasePages pages) {
        this.pages = pages;
    }

    @ServerExceptionMapper
    public Response refused(CaseActionRefused refusal) {
        return pages.refused(refusal);
    }
}
