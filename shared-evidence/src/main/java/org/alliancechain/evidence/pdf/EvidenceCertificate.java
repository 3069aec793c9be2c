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
 * @param document        the record's file in full, printed after the certificate's facts and embedded, or null
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
        String verificationUrl,
        Document document) {

    public EvidenceCertificate(String number, Title title, String issuerName, EvidenceRecord record, HashAlgorithm recordAlgorithm,
                               InclusionProof proof, Instant anchoredAt, byte[] itemTimestamp, Instant itemTimestampAt, String verificationUrl) {
        this(number, title, issuerName, record, recordAlgorithm, proof, anchoredAt, itemTimestamp, itemTimestampAt, verificationUrl, null);
    }

    /**
     * A text document the record attests (its SHA-256 is the record's file hash) — an award's full text —
     * printed in full under a heading and embedded as an associated file under {@code fileName}.
     */
    public record Document(String heading, String fileName, byte[] utf8Text) {
        public Document {
            if (utf8Text == null) {
                throw new IllegalArgumentException("a document has text");
            }
        }
    }

    /** The same certificate with the attested document printed in full. */
    public EvidenceCertificate withDocument(Document document) {
        if (document != null && record.file() != null && !record.file().matches(document.utf8Text())) {
            throw new IllegalArgumentException("the document is not the file the record attests (its hash differs)");
        }
        return new EvidenceCertificate(number, title, issuerName, record, recordAlgorithm, proof, anchoredAt, itemTimestamp, itemTimestampAt,
                verificationUrl, document);
    }

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
