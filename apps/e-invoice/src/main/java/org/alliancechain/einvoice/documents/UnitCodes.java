package org.alliancechain.einvoice.documents;

import java.util.Map;

/**
 * Chinese units of measure ↔ UN/ECE Recommendation 20 codes: UBL requires a code (BR-23, BR-CL-23)
 * while 数电 invoices print free text. Unknown units become C62 ("one"); the printed unit stays in PDF/OFD.
 */
final class UnitCodes {

    static final String DEFAULT = "C62";

    private static final Map<String, String> TO_CODE = Map.ofEntries(
            Map.entry("个", "H87"), Map.entry("件", "H87"), Map.entry("台", "H87"), Map.entry("套", "SET"),
            Map.entry("千克", "KGM"), Map.entry("公斤", "KGM"), Map.entry("吨", "TNE"), Map.entry("米", "MTR"),
            Map.entry("升", "LTR"), Map.entry("小时", "HUR"), Map.entry("天", "DAY"), Map.entry("月", "MON"),
            Map.entry("年", "ANN"), Map.entry("次", "C62"));

    private static final Map<String, String> TO_UNIT = Map.of(
            "H87", "件", "SET", "套", "KGM", "千克", "TNE", "吨", "MTR", "米", "LTR", "升", "HUR", "小时",
            "DAY", "天", "MON", "月", "ANN", "年");

    private UnitCodes() {
    }

    static String code(String unit) {
        return unit == null ? DEFAULT : TO_CODE.getOrDefault(unit.strip(), DEFAULT);
    }

    /** The printed unit for a code, null for C62 and codes we do not map. */
    static String unit(String code) {
        return code == null ? null : TO_UNIT.get(code);
    }
}
