package org.alliancechain.evidence.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.cms.CMSException;
import org.junit.jupiter.api.Test;

/** /Contents holds the CMS value followed by zero padding; only the value is read, and a value running past the end is refused. */
class CmsSignatureTest {

    @Test
    void keepsExactlyTheDerValueOfShortAndLongForms() throws Exception {
        for (int size : new int[] {3, 120, 200, 70_000}) {
            byte[] der = new DERSequence(new DEROctetString(new byte[size])).getEncoded();
            byte[] padded = Arrays.copyOf(der, der.length + 500);
            assertThat(CmsSignature.trimmed(padded)).isEqualTo(der);
            assertThat(CmsSignature.trimmed(der)).isEqualTo(der);
        }
    }

    @Test
    void refusesWhatIsNotOneSequence() throws Exception {
        byte[] der = new DERSequence(new DEROctetString(new byte[300])).getEncoded();
        for (byte[] bad : new byte[][] {new byte[0], new byte[] {0x30}, new byte[] {0x04, 0x00}, Arrays.copyOf(der, der.length - 1),
                new byte[] {0x30, (byte) 0x80, 0, 0}, new byte[] {0x30, (byte) 0x85, 1, 1, 1, 1, 1}}) {
            assertThatThrownBy(() -> CmsSignature.trimmed(bad)).isInstanceOf(CMSException.class);
        }
    }
}
