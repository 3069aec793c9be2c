package org.alliancechain.einvoice.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.alliancechain.einvoice.redletter.RedConsents;
import org.junit.jupiter.api.Test;

/** The red-letter panel's note on a pledged invoice, in Chinese and English, naming no financier. */
class PledgeNoteTest {

    private static RedConsents.Consent consent(String consented, String available) {
        return new RedConsents.Consent(new BigDecimal(consented), new BigDecimal(consented), BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal(available));
    }

    @Test
    void aConsentIsShownWithItsAmountAndWhatIsLeftOfIt() {
        assertThat(RedLetterPanel.pledgeNote(consent("20000.00", "8700.00")))
                .contains("融资方同意红冲至多 ¥20,000.00").contains("尚可红冲 ¥8,700.00")
                .contains("the financier consented to red-letter up to ¥20,000.00").contains("¥8,700.00 of it still available");
    }

    @Test
    void withoutConsentThePanelSaysSo() {
        assertThat(RedLetterPanel.pledgeNote(consent("0.00", "0.00"))).contains("融资方尚未同意红冲").contains("has not consented");
    }
}
