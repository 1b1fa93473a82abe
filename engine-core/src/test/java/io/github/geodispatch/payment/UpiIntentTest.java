package io.github.geodispatch.payment;

import io.github.geodispatch.spi.Money;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UpiIntentTest {

    @Test
    void buildsTheNpciDeepLinkWithTheJobAsTransactionReference() {
        UpiIntent intent = UpiIntent.builder().payee("coolair@okaxis", "Cool Air Services").amount(Money.inr(149_900))
                .reference("J-1").note("AC service J-1").build();
        assertThat(intent.uri()).isEqualTo(
                "upi://pay?pa=coolair@okaxis&pn=Cool%20Air%20Services&am=1499.00&cu=INR&tr=J-1&tn=AC%20service%20J-1");
        assertThat(intent.qrPayload()).isEqualTo(intent.uri());
    }

    @Test
    void percentEncodesReservedAndNonAsciiCharacters() {
        String uri = UpiIntent.builder().payee("shop.1@ybl", "A&B = Cool+Co ₹").amount("10.5")
                .reference("BR1/2526/0012").merchantCode("7623").build().uri();
        assertThat(uri).isEqualTo("upi://pay?pa=shop.1@ybl&pn=A%26B%20%3D%20Cool%2BCo%20%E2%82%B9&mc=7623&am=10.50"
                + "&cu=INR&tr=BR1%2F2526%2F0012");
        String query = URI.create(uri).getRawQuery();
        assertThat(URLDecoder.decode(query.split("&")[1].substring(3), StandardCharsets.UTF_8)).isEqualTo("A&B = Cool+Co ₹");
    }

    @Property(tries = 200)
    void theAmountAlwaysHasTwoDecimals(@ForAll @LongRange(min = 1, max = 99_999_999_999L) long paise) {
        String uri = UpiIntent.builder().payee("a1@upi", "A").amount(Money.inr(paise)).reference("J-1").build().uri();
        assertThat(uri).matches(".*&am=\\d+\\.\\d{2}&cu=INR&.*");
    }

    @Test
    void rejectsBadVpasAmountsAndReferences() {
        assertThatThrownBy(() -> UpiIntent.builder().payee("no-at-sign", "A")).hasMessageContaining("VPA");
        assertThatThrownBy(() -> UpiIntent.builder().payee("a@1bank", "A")).hasMessageContaining("VPA");
        assertThatThrownBy(() -> UpiIntent.builder().amount("-1.00")).hasMessageContaining("at most two decimals");
        assertThatThrownBy(() -> UpiIntent.builder().amount("1.005")).hasMessageContaining("at most two decimals");
        assertThatThrownBy(() -> UpiIntent.builder().amount(Money.inr(0))).hasMessageContaining("positive");
        assertThatThrownBy(() -> UpiIntent.builder().amount(Money.kes(100))).hasMessageContaining("INR");
        assertThatThrownBy(() -> UpiIntent.builder().reference("J 1")).hasMessageContaining("transaction reference");
        assertThatThrownBy(() -> UpiIntent.builder().reference("J-1").reference("J-2")).hasMessageContaining("already set");
        assertThatThrownBy(() -> UpiIntent.builder().payee("a1@upi", "A").reference("J-1").build())
                .hasMessageContaining("amount is required");
        assertThat(UpiIntent.isValidVpa("9876543210@paytm")).isTrue();
    }
}
