package org.alliancechain.einvoice.documents.ofd;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * Who signs a seal's TBS_Sign: the certificate that goes into SES_Signature and an SM3withSM2 signature over the
 * bytes handed over. An interface, so that the key can stay in a key store or a signing server: the OFD code only
 * ever sees the data to sign and the signature (data to sign, sign, assemble).
 */
public interface SealSigner {

    X509Certificate certificate();

    /** SM3withSM2 with user id 1234567812345678, DER-encoded (SEQUENCE {r, s}). */
    byte[] sign(byte[] toBeSigned);

    /** A signer over a key held in this process. */
    static SealSigner of(PrivateKey key, X509Certificate certificate) {
        return new SealKey(key, certificate);
    }

    /** An SM2 private key and its certificate (the seal maker's, or a seal holder's). */
    record SealKey(PrivateKey key, X509Certificate certificate) implements SealSigner {

        public SealKey {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(certificate, "certificate");
        }

        @Override
        public byte[] sign(byte[] toBeSigned) {
            return Sm2.sign(key, toBeSigned);
        }
    }
}
