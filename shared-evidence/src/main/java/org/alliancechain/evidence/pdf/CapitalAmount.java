package org.alliancechain.evidence.pdf;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * An amount in yuan in capital Chinese numerals (大写金额), as 价税合计 is printed and as the People's
 * Bank's payment rules (支付结算办法) write amounts: 14228.41 → 壹万肆仟贰佰贰拾捌圆肆角壹分, 1001 →
 * 壹仟零壹圆整, 10 → 壹拾圆整, 0.05 → 伍分. One 零 stands for any run of zeros between non-zero digits;
 * 整 closes an amount without 分; a negative amount (a red invoice) is preceded by （负数）.
 */
public final class CapitalAmount {

    private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";
    private static final String[] IN_GROUP = {"仟", "佰", "拾", ""};
    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);
    private static final BigInteger HUNDRED_MILLION = BigInteger.valueOf(100_000_000);

    private CapitalAmount() {
    }

    /** The amount (at most 2 decimals; more are refused, not rounded) in capital numerals. */
    public static String of(BigDecimal amount) {
        BigDecimal cents;
        try {
            cents = amount.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("an amount in yuan has at most 2 decimals: " + amount.toPlainString(), e);
        }
        var out = new StringBuilder(cents.signum() < 0 ? "（负数）" : "");
        BigInteger[] yuanAndCents = cents.abs().unscaledValue().divideAndRemainder(BigInteger.valueOf(100));
        BigInteger yuan = yuanAndCents[0];
        int jiao = yuanAndCents[1].intValue() / 10;
        int fen = yuanAndCents[1].intValue() % 10;
        if (yuan.signum() > 0) {
            out.append(integer(yuan)).append('圆');
        } else if (jiao == 0 && fen == 0) {
            return out.append("零圆整").toString();
        }
        if (jiao > 0) {
            out.append(DIGITS.charAt(jiao)).append('角');
        } else if (fen > 0 && yuan.signum() > 0) {
            out.append('零');
        }
        if (fen > 0) {
            out.append(DIGITS.charAt(fen)).append('分');
        } else {
            out.append('整');
        }
        return out.toString();
    }

    /** A positive whole number: sections of 亿 and 万 (万亿 for the largest amounts), a 零 where a section's leading digits are zero. */
    private static String integer(BigInteger n) {
        if (n.compareTo(HUNDRED_MILLION) >= 0) {
            BigInteger[] split = n.divideAndRemainder(HUNDRED_MILLION);
            return integer(split[0]) + "亿" + rest(split[1], 10_000_000);
        }
        if (n.compareTo(TEN_THOUSAND) >= 0) {
            BigInteger[] split = n.divideAndRemainder(TEN_THOUSAND);
            return group(split[0].intValue()) + "万" + rest(split[1], 1_000);
        }
        return group(n.intValue());
    }

    /** What follows a 亿 or 万: nothing for zero, a 零 first when the section does not start with its highest digit. */
    private static String rest(BigInteger n, int highestPlace) {
        if (n.signum() == 0) {
            return "";
        }
        return (n.compareTo(BigInteger.valueOf(highestPlace)) < 0 ? "零" : "") + integer(n);
    }

    /** 1–9999. */
    private static String group(int n) {
        var out = new StringBuilder();
        int[] digits = {n / 1000, n / 100 % 10, n / 10 % 10, n % 10};
        boolean zero = false;
        for (int i = 0; i < 4; i++) {
            if (digits[i] == 0) {
                zero = out.length() > 0;
                continue;
            }
            if (zero) {
                out.append('零');
                zero = false;
            }
            out.append(DIGITS.charAt(digits[i])).append(IN_GROUP[i]);
        }
        return out.toString();
    }
}
