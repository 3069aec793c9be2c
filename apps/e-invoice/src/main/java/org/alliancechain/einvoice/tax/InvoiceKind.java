package org.alliancechain.einvoice.tax;

import java.util.Arrays;
import java.util.Optional;

/**
 * Our own invoice kinds (vendors' code sets differ: fa-piao.com 81/82, an ERP 31/32), mapped at the
 * edges. Only the two 数电 kinds are issued here; their code is the on-chain {@code uint8}. The other
 * two exist so that imported invoices keep their origin: never infer a kind from a number's length.
 */
public enum InvoiceKind {
    DIGITAL_SPECIAL(1, true, "数电专票", "Digital special VAT invoice"),
    DIGITAL_ORDINARY(2, true, "数电普票", "Digital ordinary VAT invoice"),
    /** Paper/electronic VAT invoice: 12-digit code + 8-digit number; import only. */
    LEGACY(0, false, "增值税发票(旧版)", "Legacy VAT invoice"),
    /** Shenzhen / Yunnan / Beijing blockchain invoice: code + number + check code + region; import only. */
    REGIONAL_BLOCKCHAIN(0, false, "区块链电子发票(地方)", "Regional blockchain invoice");

    private final int chainCode;
    private final boolean issuable;
    private final String labelZh;
    private final String labelEn;

    InvoiceKind(int chainCode, boolean issuable, String labelZh, String labelEn) {
        this.chainCode = chainCode;
        this.issuable = issuable;
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    /** The on-chain code (1 or 2); import-only kinds have none and throw. */
    public int chainCode() {
        if (!issuable) {
            throw new IllegalStateException(name() + " is import-only and has no on-chain code");
        }
        return chainCode;
    }

    public boolean issuable() {
        return issuable;
    }

    public String labelZh() {
        return labelZh;
    }

    public String labelEn() {
        return labelEn;
    }

    public static Optional<InvoiceKind> fromChainCode(int code) {
        return Arrays.stream(values()).filter(k -> k.issuable && k.chainCode == code).findFirst();
    }
}
