package org.alliancechain.einvoice.tax;

import java.util.Optional;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from {@code 0-9A-HJ-NP-RTUW-Y} (no I, O, Z, S, V);
 * digit 1 registration authority, digit 2 entity type, digits 3–8 the administrative region
 * (GB/T 2260), 9–17 the organisation code, 18 a mod-31 check character.
 */
public record UnifiedSocialCreditCode(String value) {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public UnifiedSocialCreditCode {
        // The canonical constructor enforces validity, so a value of this type is always a real code.
        Parsed.ParseError error = check(value);
        if (error != null) {
            throw new IllegalArgumentException(error.toString());
        }
    }

    /** Reads a user-typed code; surrounding blanks are ignored, lower case is accepted. */
    public static Parsed<UnifiedSocialCreditCode> parse(String text) {
        if (text == null) {
            return Parsed.error("length", "tax id is missing", "缺少统一社会信用代码");
        }
        String candidate = text.strip().toUpperCase(java.util.Locale.ROOT);
        Parsed.ParseError error = check(candidate);
        return error == null ? Parsed.ok(new UnifiedSocialCreditCode(candidate)) : new Parsed.Error<>(error);
    }

    /** The 18-character code for 17 given characters, e.g. for demo companies and tests. */
    public static UnifiedSocialCreditCode withCheckCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("need 17 characters, got " + first17.length());
        }
        return new UnifiedSocialCreditCode(first17 + checkCharacter(first17));
    }

    /** Digits 3–8: the registering administration's GB/T 2260 region code, e.g. 110108 (Beijing Haidian). */
    public String regionCode() {
        return value.substring(2, 8);
    }

    /** The province of the region code, empty for codes outside the 31 mainland divisions. */
    public Optional<Province> province() {
        String region = regionCode();
        if (!Character.isDigit(region.charAt(0)) || !Character.isDigit(region.charAt(1))) {
            return Optional.empty();
        }
        return Province.byCode(Integer.parseInt(region.substring(0, 2)));
    }

    @Override
    public String toString() {
        return value;
    }

    private static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("character '" + first17.charAt(i) + "' at position " + (i + 1));
            }
            sum += v * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }

    private static Parsed.ParseError check(String code) {
        if (code == null || code.length() != 18) {
            int length = code == null ? 0 : code.length();
            return new Parsed.ParseError("length",
                    "a tax id has 18 characters, this one has " + length,
                    "统一社会信用代码应为18位,实际为" + length + "位");
        }
        for (int i = 0; i < 18; i++) {
            char c = code.charAt(i);
            if (ALPHABET.indexOf(c) < 0) {
                return new Parsed.ParseError("character",
                        "character '" + c + "' at position " + (i + 1) + " is not allowed (0-9, A-Z without I, O, S, V, Z)",
                        "第" + (i + 1) + "位字符'" + c + "'不合法(允许0-9及除I、O、S、V、Z外的大写字母)");
            }
        }
        char expected = checkCharacter(code.substring(0, 17));
        if (code.charAt(17) != expected) {
            return new Parsed.ParseError("check-digit",
                    "check character is '" + code.charAt(17) + "', expected '" + expected + "'",
                    "校验码为'" + code.charAt(17) + "',应为'" + expected + "'");
        }
        return null;
    }
}
