package org.alliancechain.copyright.licences;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import org.alliancechain.chain.api.ChainUnavailableException;
import org.alliancechain.service.identity.Caller;
import org.alliancechain.service.problem.ParamValues;
import org.alliancechain.service.problem.ProblemException;
import org.alliancechain.service.problem.Times;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/licences")
@Tag(name = "Licences")
@Produces(MediaType.APPLICATION_JSON)
public class LicenceResource {

    public record GrantRequest(@NotNull Long workId, @NotBlank @Size(max = 64) String licensee,
                               @NotEmpty List<LicenceUses.@NotNull Use> uses, @NotEmpty List<LicenceUses.@NotNull Channel> channels,
                               @NotBlank @Size(max = 32) String territory, @NotNull Instant validFrom, Instant validUntil,
                               @NotBlank @Size(max = 20_000) String terms) {
    }

    public record RevokeRequest(Instant effectiveAt) {
    }

    /** LicenceRegistry's answer: was a licence valid for this licensee, work and use at that time, as recorded at that block. */
    public record CheckView(boolean licensed, String licenceId, Long licence, String work, String licensee, String use, String channel,
                            String territory, Instant time, long asOfBlock) {
    }

    private final LicenceService service;
    private final LicenceViews views;
    private final LicenceChain chain;
    private final Caller caller;

    LicenceResource(LicenceService service, LicenceViews views, LicenceChain chain, Caller caller) {
        this.service = service;
        this.views = views;
        this.chain = chain;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("rights-manager")
    @Operation(summary = "Grant a licence for one of your registered works to another member (202): uses (FULL_REPRINT, EXCERPT, "
            + "IMAGE_REUSE, ADAPTATION) × channels (ONLINE, PRINT), a territory (ISO 3166 code or *), a period [validFrom, validUntil) "
            + "(no validUntil: no end) and the terms, whose time-stamped digest LicenceRegistry holds; 409 for an overlapping licence")
    public Response grant(@Valid @NotNull GrantRequest r) {
        var licence = service.grant(caller.requireOrganisation(), caller.userName(), new LicenceService.Grant(r.workId(), r.licensee(), r.uses(),
                r.channels(), r.territory(), r.validFrom(), r.validUntil(), r.terms()));
        return Response.accepted(views.of(licence)).build();
    }

    @GET
    @RolesAllowed({"rights-manager", "licensee"})
    @Operation(summary = "Licences your organisation granted (as=licensor) or holds (as=licensee), newest first")
    public List<LicenceViews.LicenceView> list(@QueryParam("as") @Pattern(regexp = "licensor|licensee", message = "must be licensor or licensee")
                                               String as) {
        String org = caller.requireOrganisation();
        String side = as != null ? as : caller.roles().contains("rights-manager") ? "licensor" : "licensee";
        String query = side.equals("licensor") ? "organisation = ?1" : "licensee = ?1";
        return Licence.<Licence>find(query, Sort.descending("id"), org).page(0, 500).list().stream().map(views::of).toList();
    }

    @GET
    @Path("/{licenceId}")
    @RolesAllowed({"rights-manager", "licensee"})
    @Operation(summary = "A licence your organisation granted or holds")
    public LicenceViews.LicenceView get(@PathParam("licenceId") long id) {
        return views.of(LicenceViews.visibleTo(caller.requireOrganisation(), id));
    }

    @POST
    @Path("/{licenceId}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("rights-manager")
    @Operation(summary = "Revoke a licence you granted, from effectiveAt on (absent: from the block that records it); never back-dated (202)")
    public Response revoke(@PathParam("licenceId") long id, @Valid RevokeRequest r) {
        var licence = service.revoke(id, r == null ? null : r.effectiveAt());
        return Response.accepted(views.of(licence)).build();
    }

    @GET
    @Path("/check")
    @RolesAllowed({"rights-manager", "licensee", "monitor"})
    @Operation(summary = "Ask LicenceRegistry: was any licence valid for this licensee, work (content digest), use, channel and territory at "
            + "this time, as the chain recorded it at this block (absent: the latest)? One call to the chain; its answer for a block never "
            + "changes")
    public CheckView check(@QueryParam("work") @NotNull @Pattern(regexp = "[0-9a-f]{64}", message = "must be a content digest (64 hex digits)")
                           String work,
                           @QueryParam("licensee") @NotBlank @Size(max = 64) String licensee,
                           @QueryParam("use") @NotBlank String use,
                           @QueryParam("channel") @NotBlank String channel,
                           @QueryParam("territory") @NotBlank String territory,
                           @QueryParam("time") String time,
                           @QueryParam("block") String block) {
        return check(work, licensee, ParamValues.enumValue(LicenceUses.Use.class, use, "use"),
                ParamValues.enumValue(LicenceUses.Channel.class, channel, "channel"), territory, time,
                ParamValues.longValue(block, "block", "a block number, or absent for the latest"));
    }

    /** {@link #check(String, String, String, String, String, String, String)} with its values converted (the licences page asks here). */
    public CheckView check(String work, String licensee, LicenceUses.Use use, LicenceUses.Channel channel, String territory, String time,
                           Long block) {
        String code = LicenceUses.territory(territory);
        if (code == null) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "must be an ISO 3166 code such as CN, or * for everywhere", "territory");
        }
        Instant at;
        try {
            at = time == null || time.isBlank() ? Instant.now() : Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "must be a time such as 2026-12-05T08:00:00Z", "time");
        }
        Times.onChain(at, "time");
        try {
            long latest = chain.latestBlock();
            if (block != null && (block < 0 || block > latest)) {
                throw new ProblemException(ProblemException.UNPROCESSABLE, "must be a block the chain has (0 to " + latest + ")", "block");
            }
            long asOf = block == null ? latest : block;
            byte[] digest = HexFormat.of().parseHex(work);
            var found = chain.licenceAt(licensee.strip(), digest, use.bit | channel.bit, code, at, asOf);
            Long local = found.flatMap(id -> Licence.<Licence>find("chainLicenceId", id).<Licence>firstResultOptional()).map(l -> l.id).orElse(null);
            return new CheckView(found.isPresent(), found.map(HexFormat.of()::formatHex).orElse(null), local, work, licensee.strip(), use.name(),
                    channel.name(), code, at, asOf);
        } catch (ChainUnavailableException e) {
            throw new ProblemException(Response.Status.SERVICE_UNAVAILABLE, "the chain node cannot be reached to ask LicenceRegistry; try again shortly");
        }
    }
}
