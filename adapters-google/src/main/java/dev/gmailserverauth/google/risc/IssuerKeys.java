package dev.gmailserverauth.google.risc;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.CachingJWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.OutageTolerantJWKSetSource;
import com.nimbusds.jose.jwk.source.URLBasedJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.ResourceRetriever;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The issuer's key set, as the verifier looks keys up in it, built so that forged tokens cannot keep a genuine one
 * out. Nimbus fetches, caches and bridges outages ({@link CachingJWKSetSource} over {@link OutageTolerantJWKSetSource}
 * over {@link URLBasedJWKSetSource}); this class decides when a token's unknown key id is worth fetching the set for:
 * <ul>
 *   <li>the cached set is fetched again when its time to live ends, whatever tokens arrive (the schedule);</li>
 *   <li>an unknown key id fetches it again at most once per refetch interval, for all key ids together;</li>
 *   <li>a key id that was absent from a set fetched for it is remembered for a time to live: it is refused at once,
 *       without a fetch, so repeating a forged key id costs nothing;</li>
 *   <li>an unknown key id that arrives while the allowance is spent, or while the issuer cannot be reached (the
 *       last set is served meanwhile), is neither found nor absent: it is {@link Lookup.Later}, so that the
 *       transmitter delivers it again, and a genuine key Google has just published is found then.</li>
 * </ul>
 * Time is the given clock's. Thread-safe.
 */
final class IssuerKeys {
    /** How many absent key ids are remembered; past that, the oldest is forgotten (it then costs one fetch again). */
    static final int REMEMBERED_ABSENT_KEY_IDS = 1024;

    private final JWKSetSource<SecurityContext> source;
    private final Clock clock;
    private final Duration refetchInterval;
    private final Duration absenceKept;
    private final Map<String, Instant> absentUntil = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > REMEMBERED_ABSENT_KEY_IDS;
        }
    };
    private Optional<Instant> lastRefetch = Optional.empty();

    /** What a look-up found. */
    sealed interface Lookup {
        <R> R fold(Function<Found, R> found, Function<Absent, R> absent, Function<Later, R> later);

        /** Keys of the set that match the token's header. */
        record Found(List<JWK> keys) implements Lookup {
            public Found {
                keys = List.copyOf(keys);
            }

            @Override
            public <R> R fold(Function<Found, R> found, Function<Absent, R> absent, Function<Later, R> later) {
                return found.apply(this);
            }
        }

        /** The key id is not in the set, fetched for it (now or moments ago): the token is refused for good. */
        record Absent(String description) implements Lookup {
            @Override
            public <R> R fold(Function<Found, R> found, Function<Absent, R> absent, Function<Later, R> later) {
                return absent.apply(this);
            }
        }

        /** Not decidable now: the set may not be fetched again before {@code retryAfter}. */
        record Later(String description, Duration retryAfter) implements Lookup {
            @Override
            public <R> R fold(Function<Found, R> found, Function<Absent, R> absent, Function<Later, R> later) {
                return later.apply(this);
            }
        }
    }

    private IssuerKeys(JWKSetSource<SecurityContext> source, Clock clock, Duration refetchInterval, Duration absenceKept) {
        this.source = source;
        this.clock = clock;
        this.refetchInterval = refetchInterval;
        this.absenceKept = absenceKept;
    }

    /**
     * The key set at this URL, cached for {@code cacheTtl} (an outage of the issuer is bridged with the last set
     * for four times that), fetched for unknown key ids at most once per {@code refetchInterval}.
     */
    static IssuerKeys at(URL jwksUri, ResourceRetriever retriever, Clock clock, Duration cacheTtl, Duration refetchInterval,
                         Duration fetchTimeout) {
        JWKSetSource<SecurityContext> remote = new URLBasedJWKSetSource<>(jwksUri, retriever);
        JWKSetSource<SecurityContext> outageTolerant = new OutageTolerantJWKSetSource<>(remote, cacheTtl.multipliedBy(4).toMillis(), null);
        JWKSetSource<SecurityContext> cached = new CachingJWKSetSource<>(outageTolerant, cacheTtl.toMillis(), fetchTimeout.toMillis(), null);
        return new IssuerKeys(cached, Objects.requireNonNull(clock), Objects.requireNonNull(refetchInterval), cacheTtl);
    }

    /**
     * The keys matching this header.
     *
     * @throws KeySourceException when the set cannot be had at all (never fetched, and the issuer is out of reach)
     */
    Lookup find(JWSHeader header) throws KeySourceException {
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(header));
        Instant now = clock.instant();
        JWKSet cachedSet = source.getJWKSet(JWKSetCacheRefreshEvaluator.noRefresh(), now.toEpochMilli(), null);
        List<JWK> cached = selector.select(cachedSet);
        if (!cached.isEmpty()) return new Lookup.Found(cached);
        String kid = String.valueOf(header.getKeyID());
        synchronized (this) {
            Instant until = absentUntil.get(kid);
            if (until != null && now.isBefore(until)) return absent(kid);
            Optional<Instant> allowedAt = lastRefetch.map(last -> last.plus(refetchInterval)).filter(now::isBefore);
            if (allowedAt.isPresent()) {
                return new Lookup.Later("key id " + kid + " is not in the issuer's key set, fetched again moments ago; try again later",
                        Duration.between(now, allowedAt.get()));
            }
            lastRefetch = Optional.of(now);
        }
        JWKSet freshSet;
        try {
            freshSet = source.getJWKSet(JWKSetCacheRefreshEvaluator.forceRefresh(), now.toEpochMilli(), null);
        } catch (KeySourceException e) {
            // The issuer could not be asked (the last set still serves known keys): nothing is known of this key id.
            return new Lookup.Later("the issuer's key set could not be fetched again to look for key id " + kid + " ("
                    + e.getMessage() + "); try again later", refetchInterval);
        }
        List<JWK> fresh = selector.select(freshSet);
        if (!fresh.isEmpty()) return new Lookup.Found(fresh);
        synchronized (this) {
            absentUntil.put(kid, now.plus(absenceKept));
        }
        return absent(kid);
    }

    private static Lookup absent(String kid) {
        return new Lookup.Absent("key id " + kid + " is not in the issuer's key set");
    }
}
