package org.alliancechain.service.web;

import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.util.Locale;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How every page of the suite writes times, sizes, amounts and long hashes (Qute template extensions: {@code at.local}, {@code cents.amount} …). */
@TemplateExtension
public final class PageFormats {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.of("Asia/Shanghai"));

    private PageFormats() {
    }

    /** A time in China Standard Time, to the minute (the commission's time zone). */
    static String local(Instant at) {
        return at == null ? "—" : LOCAL.format(at);
    }

    static String day(Instant at) {
        return at == null ? "" : DAY.format(at);
    }

    static String bytes(long size) {
        if (size < 1024) {
            return size + " B";
        }
        if (size < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", size / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", size / (1024.0 * 1024));
    }

    /** The first 16 characters of a hash, for tables (the full value is in the title attribute). */
    static String brief(String hash) {
        return hash == null ? "—" : hash.length() <= 18 ? hash : hash.substring(0, 16) + "…";
    }

    /** An amount of money with thousands separators and two decimals, e.g. {@code 1,234,567.80}. */
    static String amount(BigDecimal value) {
        if (value == null) {
            return "—";
        }
        var format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(java.math.RoundingMode.HALF_UP);
        return format.format(value);
    }

    /** An amount held in cents (as the registries keep them), written as {@link #amount(BigDecimal)}. */
    static String amount(long cents) {
        return amount(BigDecimal.valueOf(cents, 2));
    }
}
