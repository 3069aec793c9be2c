package org.alliancechain.supplyfinance.overview;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The platform at a glance for its operator: volumes by state, the financed share of what is
 * outstanding, overdue, settled; per core enterprise and per bank. Aggregates only: the operator runs
 * the platform and sees no single holding.
 */
@Path("/api/overview")
@Tag(name = "Platform overview")
@Produces(MediaType.APPLICATION_JSON)
public class PlatformOverview {

    public record StatusRow(String status, long certificates, BigDecimal face) {
    }

    public record CoreRow(String core, long certificates, BigDecimal face, BigDecimal outstanding, long overdue, BigDecimal overdueAmount,
                          BigDecimal settled) {
    }

    public record BankRow(String bank, long financings, BigDecimal financed, BigDecimal live, long quotes) {
    }

    public record Overview(long certificates, BigDecimal face, BigDecimal outstanding, BigDecimal financedLive, BigDecimal financedShare,
                           long overdue, BigDecimal overdueAmount, long settled, BigDecimal settledAmount, long parts, int deepestTier,
                           List<StatusRow> byStatus, List<CoreRow> byCore, List<BankRow> byBank) {
    }

    @GET
    @RolesAllowed("operator")
    @Operation(summary = "The platform at a glance: volumes by state, the financed share of what is outstanding, overdue and settled, "
            + "per core enterprise and per bank (aggregates only)")
    public Overview overview() {
        var em = Panache.getEntityManager();
        @SuppressWarnings("unchecked")
        List<Object[]> statuses = em.createNativeQuery("""
                select status, count(*), coalesce(sum(face_cents), 0) from sf_certificate group by status order by status""").getResultList();
        var byStatus = statuses.stream().map(r -> new StatusRow((String) r[0], n(r[1]), yuan(n(r[2])))).toList();
        Object[] totals = (Object[]) em.createNativeQuery("""
                select count(*), coalesce(sum(face_cents), 0),
                       coalesce(sum(face_cents - settled_cents - reduced_cents) filter (where status in ('OUTSTANDING', 'OVERDUE')), 0),
                       count(*) filter (where status = 'OVERDUE'), coalesce(sum(overdue_cents) filter (where status = 'OVERDUE'), 0),
                       count(*) filter (where status = 'SETTLED'), coalesce(sum(settled_cents) filter (where status = 'SETTLED'), 0)
                from sf_certificate where status <> 'PENDING'""").getSingleResult();
        long live = n(em.createNativeQuery("""
                select coalesce(sum(p.value_cents), 0) from sf_financing f join sf_part p on p.part_id = f.bank_part_id
                join sf_certificate c on c.id = f.certificate_id where f.status = 'PAID' and c.status in ('OUTSTANDING', 'OVERDUE')""")
                .getSingleResult());
        Object[] parts = (Object[]) em.createNativeQuery("select count(*), coalesce(max(depth), 0) from sf_part where state <> 'MERGED'")
                .getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> cores = em.createNativeQuery("""
                select core, count(*), coalesce(sum(face_cents), 0),
                       coalesce(sum(face_cents - settled_cents - reduced_cents) filter (where status in ('OUTSTANDING', 'OVERDUE')), 0),
                       count(*) filter (where status = 'OVERDUE'), coalesce(sum(overdue_cents) filter (where status = 'OVERDUE'), 0),
                       coalesce(sum(settled_cents), 0)
                from sf_certificate where status <> 'PENDING' group by core order by core""").getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> banks = em.createNativeQuery("""
                select b.bank, count(f.id) filter (where f.status in ('PAID', 'REPAID')), coalesce(sum(f.value_cents) filter (where f.status in ('PAID', 'REPAID')), 0),
                       coalesce(sum(p.value_cents) filter (where f.status = 'PAID' and c.status in ('OUTSTANDING', 'OVERDUE')), 0),
                       (select count(*) from sf_quote q where q.bank = b.bank)
                from (select distinct bank from sf_quote) b
                left join sf_financing f on f.bank = b.bank
                left join sf_part p on p.part_id = f.bank_part_id
                left join sf_certificate c on c.id = f.certificate_id
                group by b.bank order by b.bank""").getResultList();
        long outstanding = n(totals[2]);
        BigDecimal share = outstanding == 0 ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(live).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(outstanding), 2, RoundingMode.HALF_UP);
        return new Overview(n(totals[0]), yuan(n(totals[1])), yuan(outstanding), yuan(live), share, n(totals[3]), yuan(n(totals[4])),
                n(totals[5]), yuan(n(totals[6])), n(parts[0]), (int) n(parts[1]), byStatus,
                cores.stream().map(r -> new CoreRow((String) r[0], n(r[1]), yuan(n(r[2])), yuan(n(r[3])), n(r[4]), yuan(n(r[5])), yuan(n(r[6]))))
                        .toList(),
                banks.stream().map(r -> new BankRow((String) r[0], n(r[1]), yuan(n(r[2])), yuan(n(r[3])), n(r[4]))).toList());
    }

    private static long n(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static BigDecimal yuan(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}
