package dev.gmailserverauth.google.risc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import dev.gmailserverauth.domain.fake.MutableClock;
import dev.gmailserverauth.sandbox.GoogleSandbox;
import dev.gmailserverauth.sandbox.SandboxConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** When the issuer's key set is fetched, counted at the wire, against the sandbox's real key set. */
class IssuerKeysTest {
    private static final Duration CACHE_TTL = Duration.ofMinutes(15);
    private static final Duration REFETCH_INTERVAL = Duration.ofSeconds(30);
    private static GoogleSandbox sandbox;
    private static URL jwksUri;

    private final MutableClock clock = new MutableClock(Instant.now());
    private final CountingRetriever retriever = new CountingRetriever();
    private final IssuerKeys keys = IssuerKeys.at(jwksUri, retriever, clock, CACHE_TTL, REFETCH_INTERVAL, Duration.ofSeconds(2));

    @BeforeAll
    static void start() throws IOException {
        sandbox = GoogleSandbox.start(SandboxConfig.defaults(List.of("http://localhost:8080/oauth2/callback")).withDemoData(false));
        jwksUri = RiscDiscovery.fetch(new DefaultResourceRetriever(2000, 2000),
                RiscConfig.discoveryUrlOf(URI.create(sandbox.control().riscIssuer()))).jwksUri();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    /** The real retriever, counting its fetches, which can be made to fail as an unreachable issuer does. */
    private static final class CountingRetriever implements ResourceRetriever {
        private final ResourceRetriever real = new DefaultResourceRetriever(2000, 2000);
        final AtomicInteger fetches = new AtomicInteger();
        final AtomicBoolean unreachable = new AtomicBoolean();

        @Override
        public Resource retrieveResource(URL url) throws IOException {
            fetches.incrementAndGet();
            if (unreachable.get()) throw new ConnectException("Connection refused");
            return real.retrieveResource(url);
        }
    }

    private static JWSHeader headerNaming(String kid) {
        return new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build();
    }

    private static String forgedKid() {
        return UUID.randomUUID().toString();
    }

    private String kind(String kid) throws KeySourceException {
        return keys.find(headerNaming(kid)).fold(found -> "found", absent -> "absent", later -> "later");
    }

    /** The key the sandbox signs with now: the first of its published set. */
    private static String currentKid() {
        try {
            return JWKSet.parse(new DefaultResourceRetriever(2000, 2000).retrieveResource(jwksUri).getContent()).getKeys().get(0).getKeyID();
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("the sandbox's key set cannot be read", e);
        }
    }

    @Test
    void repeatedForgedKeyIdsCostNothingAndNewOnesOneFetchPerInterval() throws KeySourceException {
        assertThat(kind(currentKid())).isEqualTo("found");
        assertThat(retriever.fetches).hasValue(1);
        String forged = forgedKid();
        assertThat(kind(forged)).isEqualTo("absent");
        assertThat(retriever.fetches).hasValue(2);
        for (int i = 0; i < 5; i++) assertThat(kind(forged)).isEqualTo("absent");
        assertThat(kind(forgedKid())).isEqualTo("later");
        assertThat(kind(forgedKid())).isEqualTo("later");
        assertThat(retriever.fetches).as("the allowance is spent: nothing more is fetched").hasValue(2);
        clock.advance(REFETCH_INTERVAL);
        assertThat(kind(forgedKid())).isEqualTo("absent");
        assertThat(retriever.fetches).hasValue(3);
    }

    @Test
    void aKeyPublishedAfterTheLastFetchIsFoundOnceTheAllowanceIsBack() throws KeySourceException {
        assertThat(kind(currentKid())).isEqualTo("found");
        assertThat(kind(forgedKid())).isEqualTo("absent");
        sandbox.control().rotateSigningKey();
        assertThat(keys.find(headerNaming(currentKid()))).isInstanceOfSatisfying(IssuerKeys.Lookup.Later.class,
                later -> assertThat(later.retryAfter()).isPositive().isLessThanOrEqualTo(REFETCH_INTERVAL));
        clock.advance(REFETCH_INTERVAL);
        assertThat(kind(currentKid())).isEqualTo("found");
    }

    @Test
    void whileTheIssuerIsUnreachableKnownKeysStillVerifyAndAnUnknownKeyIdIsNeverCalledAbsent() throws KeySourceException {
        assertThat(kind(currentKid())).isEqualTo("found");
        retriever.unreachable.set(true);
        String unknown = forgedKid();
        assertThat(kind(unknown)).isEqualTo("later");
        clock.advance(CACHE_TTL.plusMinutes(1)); // the cache has ended; the last set bridges the outage
        assertThat(kind(currentKid())).isEqualTo("found");
        assertThat(kind(unknown)).isEqualTo("later");
        retriever.unreachable.set(false);
        clock.advance(REFETCH_INTERVAL);
        assertThat(kind(unknown)).isEqualTo("absent");
    }
}
