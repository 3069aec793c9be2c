package org.alliancechain.einvoice.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Map;

/** Reading amounts from forms and writing them on charts. */
final class Amounts {

    private Amounts() {
    }

    /** A form's amount ("1,234.50"), or null when blank; an unreadable one is noted under {@code field}. */
    static BigDecimal parse(String text, String field, Map<String, String> unreadable) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(",", "").replace("，", ""));
        } catch (NumberFormatException e) {
            unreadable.put(field, "'" + text.strip() + "' 不是数字 is not a number");
            return null;
        }
    }

    static String format(BigDecimal value) {
        var format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }

    /** A fraction (0.0125) as a percentage ("1.25 %"). */
    static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + " %";
    }
}
