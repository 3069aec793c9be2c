package org.alliancechain.evidence.verify;

/** The ids of the checks a {@link VerificationReport} may hold, and their bilingual labels. */
public final class VerifierChecks {

    public static final String DOCUMENT = "document.readable";
    public static final String BYTE_RANGE = "signature.byte-range";
    public static final String INTEGRITY = "signature.integrity";
    public static final String SIGNER_CHAIN = "signature.signer-chain";
    public static final String REVOCATION = "signature.revocation";
    public static final String TIMESTAMP = "signature.timestamp";
    public static final String MODIFICATIONS = "document.modifications";
    public static final String RECORD = "record.digest";
    public static final String ORIGINAL = "record.original-file";
    public static final String ITEM_TIMESTAMP = "record.timestamp";
    public static final String MERKLE = "proof.merkle";
    public static final String ON_CHAIN = "proof.on-chain-root";

    static String label(String id) {
        return switch (id) {
            case DOCUMENT -> "文档 Document";
            case BYTE_RANGE -> "签名范围 Signed byte range";
            case INTEGRITY -> "签名完整性 Signature integrity";
            case SIGNER_CHAIN -> "签名证书链 Signer certificate chain";
            case REVOCATION -> "吊销状态 Revocation";
            case TIMESTAMP -> "签名时间戳 Signature time-stamp";
            case MODIFICATIONS -> "签名后修改 Changes after signing";
            case RECORD -> "记录摘要 Record digest";
            case ORIGINAL -> "原始文件 Original file";
            case ITEM_TIMESTAMP -> "记录时间戳 Record time-stamp";
            case MERKLE -> "默克尔证明 Merkle proof";
            case ON_CHAIN -> "链上根 Root on chain";
            default -> id;
        };
    }

    private VerifierChecks() {
    }
}
