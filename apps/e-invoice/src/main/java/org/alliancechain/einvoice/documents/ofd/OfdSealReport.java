package org.alliancechain.einvoice.documents.ofd;

import java.time.Instant;
import java.util.List;

/**
 * What {@link OfdSealVerification} found: one entry per signature in the OFD, each with its checks. A report,
 * never an exception, so a caller can show exactly which check failed and why.
 *
 * @param problem set when the package itself could not be read (no signatures found is a problem too)
 */
public record OfdSealReport(List<SignatureReport> signatures, String problem) {

    public enum Status { PASSED, FAILED }

    /** VALID only when there is at least one signature and every check of every signature passed. */
    public boolean valid() {
        return problem == null && !signatures.isEmpty() && signatures.stream().allMatch(SignatureReport::valid);
    }

    /**
     * @param id            the signature's ID in Signatures.xml
     * @param location      its Signature.xml in the package
     * @param sealName      the seal's name (SES_ESPropertyInfo.name), null if unreadable
     * @param sealId        the seal's esID
     * @param signerSubject the signer certificate's subject
     * @param signingTime   TBS_Sign.timeInfo
     */
    public record SignatureReport(String id, String location, String sealName, String sealId, String signerSubject,
                                  Instant signingTime, List<Check> checks) {

        public boolean valid() {
            return checks.stream().allMatch(c -> c.status() == Status.PASSED);
        }

        public Check check(CheckName name) {
            return checks.stream().filter(c -> c.name() == name).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no check " + name));
        }
    }

    /** The checks, in the order they run. */
    public enum CheckName {
        /** SignedValue.dat is a readable SES_Signature (v4). */
        STRUCTURE,
        /** every file Signature.xml references has the SM3 CheckValue it records. */
        REFERENCED_FILES,
        /** TBS_Sign.dataHash is the SM3 of Signature.xml. */
        SIGNED_DATA_HASH,
        /** the SM2 signature over TBS_Sign verifies with the signer certificate in SES_Signature. */
        SIGNATURE_VALUE,
        /** the seal maker's SM2 signature over the seal verifies with the maker certificate in the seal. */
        SEAL_SIGNATURE,
        /** the signer certificate is one the seal names (certList). */
        SIGNER_HOLDS_SEAL,
        /** the signing time lies within the seal's validity. */
        SEAL_VALID_AT_SIGNING
    }

    /** @param detail why it failed, or a note on how it passed (e.g. a producer's variant that was accepted) */
    public record Check(CheckName name, Status status, String detail) {

        static Check passed(CheckName name, String detail) {
            return new Check(name, Status.PASSED, detail);
        }

        static Check failed(CheckName name, String detail) {
            return new Check(name, Status.FAILED, detail);
        }
    }
}
