package org.alliancechain.einvoice.tax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TaxIdentifiersTest {

    /** Seller and buyer of the real 数电 invoice 24112000000048542163 (shared fixture ofd/20240531141733.ofd). */
    static final String REAL_SELLER = "91110108690017781B";
    static final String REAL_BUYER = "91460300MAA92DJN95";

    @Test
    void realTaxIdsFromTheFixtureParseWithTheirRegion() {
        UnifiedSocialCreditCode seller = UnifiedSocialCreditCode.parse(REAL_SELLER).orThrow();
        assertThat(seller.regionCode()).isEqualTo("110108");
        assertThat(seller.province()).contains(Province.BEIJING);
        UnifiedSocialCreditCode buyer = UnifiedSocialCreditCode.parse(" " + REAL_BUYER.toLowerCase() + " ").orThrow();
        assertThat(buyer.value()).isEqualTo(REAL_BUYER);
        assertThat(buyer.province()).contains(Province.HAINAN);
    }

    @Test
    void demoCompaniesGetValidCodes() {
        for (String first17 : new String[]{"91110108MA01DEM00", "91320500MA1TAX001", "91440300MA5F1NW01", "91500000MA60CQ001"}) {
            UnifiedSocialCreditCode code = UnifiedSocialCreditCode.withCheckCharacter(first17);
            assertThat(UnifiedSocialCreditCode.parse(code.value()).isOk()).as(code.value()).isTrue();
        }
        assertThat(UnifiedSocialCreditCode.withCheckCharacter("91320500MA1TAX001").province()).contains(Province.JIANGSU);
    }

    @Test
    void aWrongCheckCharacterNamesTheExpectedOne() {
        Parsed.ParseError error = UnifiedSocialCreditCode.parse("91110108690017781C").errorOrNull();
        assertThat(error.code()).isEqualTo("check-digit");
        assertThat(error.messageEn()).contains("expected 'B'");
        assertThat(error.messageZh()).contains("应为'B'");
    }

    @Test
    void forbiddenCharactersAndLengthsAreNamed() {
        Parsed.ParseError bad = UnifiedSocialCreditCode.parse("9111010869001778IB").errorOrNull();
        assertThat(bad.code()).isEqualTo("character");
        assertThat(bad.messageEn()).contains("position 17");
        for (String letter : new String[]{"O", "Z", "S", "V"}) {
            assertThat(UnifiedSocialCreditCode.parse("91110108" + letter + "90017781B").errorOrNull().code()).isEqualTo("character");
        }
        assertThat(UnifiedSocialCreditCode.parse("91110108690017781").errorOrNull().messageEn()).contains("has 17");
        assertThat(UnifiedSocialCreditCode.parse(null).isOk()).isFalse();
        assertThatThrownBy(() -> new UnifiedSocialCreditCode("91110108690017781C")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void realInvoiceNumbersParseToYearProvinceChannelSequence() {
        InvoiceNumber beijing = InvoiceNumber.parse("24112000000048542163").orThrow();
        assertThat(beijing.yearOfCentury()).isEqualTo(24);
        assertThat(beijing.province()).isEqualTo(Province.BEIJING);
        assertThat(beijing.channel()).isEqualTo(2);
        assertThat(beijing.sequence()).isEqualTo(48542163L);
        assertThat(beijing).isEqualTo(InvoiceNumber.of(2024, Province.BEIJING, 2, 48542163L));
        assertThat(InvoiceNumber.parse("25327000001739485410").orThrow().province()).isEqualTo(Province.JIANGSU);
        assertThat(InvoiceNumber.parse("26502000001442925721").orThrow().province().labelZh()).isEqualTo("重庆");
        assertThat(InvoiceNumber.parse("24452000000071738888").orThrow().province()).isEqualTo(Province.GUANGXI); // digits 3–4 = 45
        assertThat(InvoiceNumber.of(2026, Province.CHONGQING, 2, 1442925721L).value()).isEqualTo("26502000001442925721");
    }

    @Test
    void badInvoiceNumbersSayWhy() {
        assertThat(InvoiceNumber.parse("2411200000004854216").errorOrNull().code()).isEqualTo("length");
        assertThat(InvoiceNumber.parse("2411200000004854216X").errorOrNull().messageEn()).contains("position 20");
        // the legacy unique code (12-digit code + 8-digit number) is 20 digits too, but 30 is no province
        assertThat(InvoiceNumber.parse("03300220021199934328").errorOrNull().code()).isEqualTo("province");
        assertThat(Province.values()).hasSize(31);
    }

    @Test
    void aNumberIsCheckedAgainstIssueYearAndIssuerProvince() {
        InvoiceNumber n = InvoiceNumber.parse("24112000000048542163").orThrow();
        assertThat(n.checkAgainst(LocalDate.of(2024, 5, 28), Province.BEIJING)).isEmpty();
        assertThat(n.checkAgainst(LocalDate.of(2025, 1, 2), Province.JIANGSU))
                .extracting(InvoiceNumber.Mismatch::field).containsExactly("year", "province");
    }

    @Test
    void onlyDigitalKindsAreIssuable() {
        assertThat(InvoiceKind.DIGITAL_SPECIAL.chainCode()).isEqualTo(1);
        assertThat(InvoiceKind.fromChainCode(2)).contains(InvoiceKind.DIGITAL_ORDINARY);
        assertThat(InvoiceKind.fromChainCode(0)).isEmpty();
        assertThat(InvoiceKind.LEGACY.issuable()).isFalse();
        assertThatThrownBy(InvoiceKind.REGIONAL_BLOCKCHAIN::chainCode).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void knownRatesOnlyAndUnknownOnesAreNamed() {
        assertThat(VatRate.of("0.015").label()).isEqualTo("1.5%");
        assertThat(VatRate.of("0.130").percent()).isEqualByComparingTo("13");
        assertThat(VatRate.parse(new BigDecimal("0.16")).errorOrNull().messageEn()).contains("unknown VAT rate 0.16");
        assertThat(VatTreatment.fromLslbs(2)).contains(VatTreatment.NOT_TAXED);
        assertThat(VatTreatment.EXEMPT.category()).isEqualTo("E");
    }
}
