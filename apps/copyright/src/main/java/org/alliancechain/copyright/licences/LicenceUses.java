package org.alliancechain.copyright.licences;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The uses a licence grants, as LicenceRegistry's bitmask: kinds of use (full reprint, excerpt, image
 * reuse, adaptation) and channels (online, print). A licence names at least one of each and grants
 * every combination of them.
 */
public final class LicenceUses {

    public enum Use {
        FULL_REPRINT(1, "全文转载", "full reprint"), EXCERPT(2, "摘编", "excerpt"), IMAGE_REUSE(4, "图片使用", "image reuse"),
        ADAPTATION(8, "改编", "adaptation");

        public final int bit;
        public final String chinese;
        public final String english;

        Use(int bit, String chinese, String english) {
            this.bit = bit;
            this.chinese = chinese;
            this.english = english;
        }
    }

    public enum Channel {
        ONLINE(16, "网络", "online"), PRINT(32, "印刷", "print");

        public final int bit;
        public final String chinese;
        public final String english;

        Channel(int bit, String chinese, String english) {
            this.bit = bit;
            this.chinese = chinese;
            this.english = english;
        }
    }

    private LicenceUses() {
    }

    public static int mask(Collection<Use> uses, Collection<Channel> channels) {
        int mask = 0;
        for (var u : uses) {
            mask |= u.bit;
        }
        for (var c : channels) {
            mask |= c.bit;
        }
        return mask;
    }

    public static List<Use> uses(int mask) {
        var list = new ArrayList<Use>();
        for (var u : Use.values()) {
            if ((mask & u.bit) != 0) {
                list.add(u);
            }
        }
        return list;
    }

    public static List<Channel> channels(int mask) {
        var list = new ArrayList<Channel>();
        for (var c : Channel.values()) {
            if ((mask & c.bit) != 0) {
                list.add(c);
            }
        }
        return list;
    }

    /** Words for a page: "摘编 excerpt · 网络 online". */
    public static String describe(int mask) {
        var parts = new ArrayList<String>();
        uses(mask).forEach(u -> parts.add(u.chinese + " " + u.english));
        channels(mask).forEach(c -> parts.add(c.chinese + " " + c.english));
        return String.join(" · ", parts);
    }

    /** A territory as LicenceRegistry takes it: an ISO 3166-1 alpha-2 code, an ISO 3166-2 subdivision, or * for worldwide. */
    public static String territory(String code) {
        String t = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        return t.matches("\\*|[A-Z]{2}(-[A-Z0-9]{1,3})?") ? t : null;
    }

    private static final int KINDS = 15;
    private static final int CHANNELS = 48;

    /** Whether two licences share a kind of use and a channel (LicenceRegistry's overlap rule). */
    public static boolean sharesUse(int a, int b) {
        return (a & b & KINDS) != 0 && (a & b & CHANNELS) != 0;
    }

    /** Whether a licensed territory covers a use's: * covers all; a code covers itself and its subdivisions (CN covers CN-BJ). */
    public static boolean covers(String licensed, String used) {
        return licensed.equals("*") || licensed.equals(used) || used.startsWith(licensed + "-");
    }

    /** Whether two territories meet. */
    public static boolean overlaps(String a, String b) {
        return covers(a, b) || covers(b, a);
    }
}
