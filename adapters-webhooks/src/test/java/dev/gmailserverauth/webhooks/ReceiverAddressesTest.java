package dev.gmailserverauth.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ReceiverAddressesTest {
    private final ReceiverAddresses strict = new ReceiverAddresses(false);
    private final ReceiverAddresses permissive = new ReceiverAddresses(true);

    @ParameterizedTest
    @ValueSource(strings = {
            "https://127.0.0.1/", "https://127.255.0.9/", "https://10.0.0.1/", "https://10.255.255.255/", "https://172.16.0.1/",
            "https://172.31.255.254/", "https://192.168.1.1/", "https://100.64.0.1/", "https://100.127.255.255/", "https://169.254.169.254/",
            "https://0.0.0.0/", "https://0.1.2.3/", "https://224.0.0.1/", "https://239.255.255.250/", "https://255.255.255.255/",
            "https://198.18.0.1/", "https://192.0.0.8/",
            "https://[::1]/", "https://[::]/", "https://[fe80::1]/", "https://[febf::1]/", "https://[fc00::1]/", "https://[fd12:3456::1]/",
            "https://[ff02::1]/", "https://[::ffff:127.0.0.1]/", "https://[::ffff:10.0.0.1]/", "https://[::ffff:8.8.8.8]/",
            "https://[::127.0.0.1]/", "https://[64:ff9b::a00:1]/", "https://[fec0::1]/"})
    void refusesEveryNonPublicAddress(String url) {
        assertThat(strict.refusal(URI.create(url))).isPresent();
        assertThat(strict.refusalAfterResolving(URI.create(url))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://8.8.8.8/hooks", "https://172.32.0.1/", "https://100.128.0.1/", "https://192.169.0.1/",
            "https://[2001:4860:4860::8888]/", "https://11.0.0.1/"})
    void acceptsPublicAddresses(String url) {
        assertThat(strict.refusalAfterResolving(URI.create(url))).isEmpty();
    }

    @Test
    void refusesANameThatResolvesToLoopbackOnlyOnceResolved() {
        URI localhost = URI.create("https://localhost:8443/hooks");
        assertThat(strict.refusal(localhost)).isEmpty();
        assertThat(strict.refusalAfterResolving(localhost)).hasValueSatisfying(why -> assertThat(why).contains("localhost resolves to", "loopback"));
    }

    @Test
    void refusesANameThatDoesNotResolve() {
        assertThat(strict.refusalAfterResolving(URI.create("https://no-such-host.invalid/"))).hasValueSatisfying(
                why -> assertThat(why).contains("does not resolve"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://receiver.example/", "ftp://receiver.example/", "https://user:pass@receiver.example/",
            "https://receiver.example/#part", "/relative", "mailto:someone@example.com"})
    void refusesWhatIsNotAPlainHttpsUrl(String url) {
        assertThat(strict.refusal(URI.create(url))).isPresent();
    }

    @Test
    void allowPrivateAllowsPlainHttpAndEveryAddress() {
        assertThat(permissive.refusalAfterResolving(URI.create("http://localhost:8080/hooks"))).isEmpty();
        assertThat(permissive.refusalAfterResolving(URI.create("http://10.1.2.3/"))).isEmpty();
        assertThat(permissive.refusalAfterResolving(URI.create("https://[::1]/"))).isEmpty();
        assertThat(permissive.refusal(URI.create("ftp://receiver.example/"))).isPresent();
    }
}
