package org.alliancechain.supplyfinance.documents;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.alliancechain.service.evidence.RegisteredRecords;
import org.alliancechain.supplyfinance.receivables.ReceivableCertificate;

/**
 * The documents the public verification page may name: by the digest in their QR code (the facts'
 * digest) or their record's digest, and by the signed PDF's SHA-256 (a dropped file). Named by kind,
 * number and the certificate's number, registered by the first signer — what the holder of the
 * document reads on it anyway.
 */
@ApplicationScoped
public class DocumentRecords implements RegisteredRecords {

    @Override
    public Optional<Registered> byRecordDigest(String digest) {
        return ChainDocument.<ChainDocument>find("(factsDigest = ?1 or record.digest = ?1) and record.notarisationItemId is not null", digest)
                .firstResultOptional().map(DocumentRecords::registered);
    }

    @Override
    public List<Registered> byFileSha256(String sha256, int limit) {
        return ChainDocument.<ChainDocument>find("sha256 = ?1 and record.notarisationItemId is not null", Sort.descending("id"), sha256)
                .page(0, limit).list().stream().map(DocumentRecords::registered).toList();
    }

    private static Registered registered(ChainDocument d) {
        ReceivableCertificate c = ReceivableCertificate.findById(d.certificateId);
        return new Registered(d.record.digest, d.kind.title() + " " + d.number + " · 凭证 Certificate " + c.number + " · 签署 signed by "
                + String.join(", ", d.signers()), d.signers().getFirst(), d.createdAt, d.record.notarisationItemId);
    }
}
