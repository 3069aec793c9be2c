package org.alliancechain.einvoice.tax;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Amounts as InvoiceRegistry keeps them: whole cents (fen, 分) in a uint256. */
public final class Cents {

    private Cents() {
    }

    /** An amount of exactly two decimals or fewer, as cents; refuses a negative amount or a fraction of a cent. */
    public static BigInteger of(BigDecimal amount) {
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("a negative amount has no cents on chain: " + amount);
        }
        return amount.movePointRight(2).toBigIntegerExact();
    }

    public static BigDecimal toAmount(BigInteger cents) {
        return new BigDecimal(cents, 2);
    }
}
