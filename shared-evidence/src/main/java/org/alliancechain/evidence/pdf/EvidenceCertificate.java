package org.alliancechain.evidence.pdf;

import java.time.Instant;
import org.alliancechain.chain.api.InclusionProof;
import org.alliancechain.evidence.HashAlgorithm;

/**
 * Everything printed on, and embedded in, an evidence certificate.
 *
 * @param number          the certificate's number, e.g. {@code HZAC-2026-000123-E1}
 * @param title           what the certificate is, in Chinese and English
 * @param issuerName      the issuing organisation's name, as on its signing certificate
 * @param record          the attested record ({@code record.json})
 * @param recordAlgorithm how the record was hashed into the notarised item digest
 * @param proof           the item's inclusion proof and where its root was anchored ({@code proof.json})
 * @param anchoredAt      the time of the block that anchored the root
 * @param itemTimestamp   an RFC 3161 token over the item digest ({@code timestamp.tsr}); may be null
 * @param itemTimestampAt the time in that token
 * @param verificationUrl where anyone can check the certificate (also in the QR code)
 */
public record EvidenceCertificate(
        String number,
        Title title,
        String issuerName,
        EvidenceRecord record,
        HashAlgorithm recordAlgorithm,
        InclusionProof proof,
        Instant anchoredAt,
        byte[] itemTimestamp,
        Instant itemTimestampAt,
        String verificationUrl) {

    /** A bilingual title. */
    public record Title(String chinese, String english) {
        public static final Title EVIDENCE = new Title("电子证据存证证书", "Electronic Evidence Certificate");
        public static final Title AWARD = new Title("仲裁裁决书存证证书", "Arbitral Award Certificate");
    }

    /** The item digest of the record, hex: what the proof must prove. */
    public String recordDigestHex() {
        return java.util.HexFormat.of().formatHex(recordAlgorithm.digest(record.canonicalBytes()));
    }
}
