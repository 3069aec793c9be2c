package org.alliancechain.einvoice.tax;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The 31 mainland province-level divisions by their GB/T 2260 two-digit code: digits 3–4 of a
 * 数电 invoice number and the first two digits of a USCC's region code.
 */
public enum Province {
    BEIJING(11, "北京", "Beijing"),
    TIANJIN(12, "天津", "Tianjin"),
    HEBEI(13, "河北", "Hebei"),
    SHANXI(14, "山西", "Shanxi"),
    INNER_MONGOLIA(15, "内蒙古", "Inner Mongolia"),
    LIAONING(21, "辽宁", "Liaoning"),
    JILIN(22, "吉林", "Jilin"),
    HEILONGJIANG(23, "黑龙江", "Heilongjiang"),
    SHANGHAI(31, "上海", "Shanghai"),
    JIANGSU(32, "江苏", "Jiangsu"),
    ZHEJIANG(33, "浙江", "Zhejiang"),
    ANHUI(34, "安徽", "Anhui"),
    FUJIAN(35, "福建", "Fujian"),
    JIANGXI(36, "江西", "Jiangxi"),
    SHANDONG(37, "山东", "Shandong"),
    HENAN(41, "河南", "Henan"),
    HUBEI(42, "湖北", "Hubei"),
    HUNAN(43, "湖南", "Hunan"),
    GUANGDONG(44, "广东", "Guangdong"),
    GUANGXI(45, "广西", "Guangxi"),
    HAINAN(46, "海南", "Hainan"),
    CHONGQING(50, "重庆", "Chongqing"),
    SICHUAN(51, "四川", "Sichuan"),
    GUIZHOU(52, "贵州", "Guizhou"),
    YUNNAN(53, "云南", "Yunnan"),
    TIBET(54, "西藏", "Tibet"),
    SHAANXI(61, "陕西", "Shaanxi"),
    GANSU(62, "甘肃", "Gansu"),
    QINGHAI(63, "青海", "Qinghai"),
    NINGXIA(64, "宁夏", "Ningxia"),
    XINJIANG(65, "新疆", "Xinjiang");

    private static final Map<Integer, Province> BY_CODE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Province::code, Function.identity()));

    private final int code;
    private final String labelZh;
    private final String labelEn;

    Province(int code, String labelZh, String labelEn) {
        this.code = code;
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    public int code() {
        return code;
    }

    /** Two digits, as written in numbers and tax ids. */
    public String digits() {
        return Integer.toString(code);
    }

    public String labelZh() {
        return labelZh;
    }

    public String labelEn() {
        return labelEn;
    }

    public static Optional<Province> byCode(int code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }
}
