package org.alliancechain.chain.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

class QuantitiesTest {

    @Test
    void a_quantity_reads_as_web3j_reads_it() {
        var random = new SplittableRandom(20261207);
        for (int i = 0; i < 10_000; i++) {
            long value = random.nextLong(Long.MAX_VALUE) >>> random.nextInt(63);
            String hex = Numeric.encodeQuantity(BigInteger.valueOf(value));
            String padded = "0x" + "0".repeat(random.nextInt(4)) + hex.substring(2);
            String decimal = Long.toString(value);
            for (String quantity : new String[] {hex, padded, decimal}) {
                assertThat(Quantities.of(quantity, "x")).as(quantity).isEqualTo(Numeric.decodeQuantity(quantity).longValueExact());
            }
        }
        assertThat(Quantities.of("0x0", "x")).isZero();
        assertThat(Quantities.of("0X1b4", "x")).isEqualTo(436);
        assertThat(Quantities.of("0x7fffffffffffffff", "x")).isEqualTo(Long.MAX_VALUE);
        assertThat(Quantities.of("0x00000000000000007fffffffffffffff", "x")).isEqualTo(Long.MAX_VALUE);
        assertThat(Quantities.intOf("0x3e7", "x")).isEqualTo(999);
    }

    @Test
    void what_is_not_a_quantity_is_refused_naming_it() {
        for (String bad : new String[] {null, "", "0x", "1x12", "0xg1", "0x-1", "-1", "+1", " 1", "0x8000000000000000",
                "0x10000000000000000", "99999999999999999999"}) {
            assertThatThrownBy(() -> Quantities.of(bad, "a log's index")).as(String.valueOf(bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a log's index");
        }
        assertThatThrownBy(() -> Quantities.intOf("0x80000000", "a log's index")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a log's index");
    }

    @Test
    void a_receipt_succeeded_as_web3j_says() {
        for (String status : new String[] {null, "0x1", "0x0", "0x01", "0x2"}) {
            var receipt = new TransactionReceipt();
            receipt.setStatus(status);
            assertThat(Quantities.succeeded(status)).as(String.valueOf(status)).isEqualTo(receipt.isStatusOK());
        }
    }
}
