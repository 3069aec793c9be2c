package org.alliancechain.einvoice.tax;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The 20-digit 数电 invoice number: yy (issue year), 2-digit province code, 1-digit channel,
 * 15-digit sequence. Only meaningful together with its {@link InvoiceKind}: legacy code + number
 * and legacy check codes are 20 digits too.
 */
public record InvoiceNumber(int yearOfCentury, Province province, int channel, long sequence) {

    public static final long MAX_SEQUENCE = 999_999_999_999_999L;

    public InvoiceNumber {
        if (yearOfCentury < 0 || yearOfCentury > 99 || province == null || channel < 0 || channel > 9
                || sequence < 0 || sequence > MAX_SEQUENCE) {
            throw new IllegalArgumentException("not a 数电 number: yy=" + yearOfCentury + " province=" + province
                    + " channel=" + channel + " sequence=" + sequence);
        }
    }

    /** From a full year (2000–2099), e.g. {@code of(2024, BEIJING, 2, 48542163)} → 24112000000048542163. */
    public static InvoiceNumber of(int year, Province province, int channel, long sequence) {
        if (year < 2000 || year > 2099) {
            throw new IllegalArgumentException("issue year " + year + " is outside 2000–2099");
        }
        return new InvoiceNumber(year - 2000, province, channel, sequence);
    }

    public static Parsed<InvoiceNumber> parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.length() != 20) {
            return Parsed.error("length", "a 数电 invoice number has 20 digits, this one has " + s.length(),
                    "数电发票号码应为20位,实际为" + s.length() + "位");
        }
        for (int i = 0; i < 20; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return Parsed.error("character", "character '" + c + "' at position " + (i + 1) + " is not a digit",
                        "第" + (i + 1) + "位字符'" + c + "'不是数字");
            }
        }
        int provinceCode = Integer.parseInt(s.substring(2, 4));
        var province = Province.byCode(provinceCode);
        if (province.isEmpty()) {
            return Parsed.error("province", "digits 3–4 (" + s.substring(2, 4) + ") are no province-level code",
                    "第3–4位(" + s.substring(2, 4) + ")不是省级行政区划代码");
        }
        return Parsed.ok(new InvoiceNumber(Integer.parseInt(s.substring(0, 2)), province.get(),
                s.charAt(4) - '0', Long.parseLong(s.substring(5))));
    }

    /** The 20 digits. */
    public String value() {
        return String.format("%02d%02d%d%015d", yearOfCentury, province.code(), channel, sequence);
    }

    /** A difference between the number and the invoice it is printed on. */
    public record Mismatch(String field, String expected, String actual, String messageEn, String messageZh) {
    }

    /** Empty when the number's year and province match the issue date and the issuer's bureau. */
    public List<Mismatch> checkAgainst(LocalDate issueDate, Province issuerProvince) {
        List<Mismatch> out = new ArrayList<>();
        int yy = issueDate.getYear() % 100;
        if (yy != yearOfCentury) {
            out.add(new Mismatch("year", String.format("%02d", yy), String.format("%02d", yearOfCentury),
                    "the number's year " + String.format("%02d", yearOfCentury) + " is not the issue year " + issueDate.getYear(),
                    "号码年份" + String.format("%02d", yearOfCentury) + "与开票年份" + issueDate.getYear() + "不符"));
        }
        if (issuerProvince != province) {
            out.add(new Mismatch("province", issuerProvince.digits(), province.digits(),
                    "the number's province " + province.labelEn() + " is not the issuer's " + issuerProvince.labelEn(),
                    "号码省份" + province.labelZh() + "与开票方所在" + issuerProvince.labelZh() + "不符"));
        }
        return out;
    }

    @Override
    public String toString() {
        return value();
    }
}
