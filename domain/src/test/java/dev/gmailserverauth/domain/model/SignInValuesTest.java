package dev.gmailserverauth.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The values a sign-in carries from the browser: the nonce that binds it, and the login hint. */
class SignInValuesTest {

    @Test
    void aBindingIsMadeOnlyFromItsOwnNonce() {
        BrowserNonce mine = BrowserNonce.random();
        BrowserBinding binding = mine.binding();
        assertThat(binding.isMadeFrom(Optional.of(mine))).isTrue();
        assertThat(binding.isMadeFrom(Optional.of(new BrowserNonce(mine.value())))).isTrue();
        assertThat(binding.isMadeFrom(Optional.of(BrowserNonce.random()))).isFalse();
        assertThat(binding.isMadeFrom(Optional.empty())).isFalse();
        assertThat(binding.value()).hasSize(64).doesNotContain(mine.value());
    }

    @Test
    void aNonceHidesItselfFromLogs() {
        BrowserNonce nonce = BrowserNonce.random();
        assertThat(nonce.toString()).doesNotContain(nonce.value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "has space in it and is long enough to pass the length check....", "bad/characters+in=the-value-and-long-enough-too"})
    void aMalformedNonceIsRefused(String raw) {
        assertThatThrownBy(() -> new BrowserNonce(raw)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice\u0000@example.com", "alice@example.com\r\nBcc: x", "al\u0007ice@example.com", "alice@exa\u007fmple.com",
            "alice@example.com\u0085"})
    void anEmailAddressWithAControlCharacterIsRefused(String raw) {
        assertThatThrownBy(() -> new EmailAddress(raw)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOrdinaryAddressIsKept() {
        assertThat(new EmailAddress("alice+tag@example.com").value()).isEqualTo("alice+tag@example.com");
    }
}
