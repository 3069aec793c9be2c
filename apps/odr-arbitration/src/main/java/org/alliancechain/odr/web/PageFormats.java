package org.alliancechain.odr.web;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the pages write times, sizes and long hashes. */
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
            return String.format("%.1f KB", size / 1024.0);
        }
        return String.format("%.1f MB", size / (1024.0 * 1024));
    }

    /** The first 16 characters of a hash, for tables (the full value is in the title attribute). */
    static String brief(String hash) {
        return hash == null ? "—" : hash.length() <= 18 ? hash : hash.substring(0, 16) + "…";
    }
}
