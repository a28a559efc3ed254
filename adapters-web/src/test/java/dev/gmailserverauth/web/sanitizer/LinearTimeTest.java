package dev.gmailserverauth.web.sanitizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The work on a crafted mail grows linearly with its size: twice the input takes at most about three
 * times as long (a quadratic parser takes four times). Each size is timed by its fastest of several runs,
 * which other load on the machine can only slow down; a measurement that looks worse is taken again, up
 * to three times, because a quadratic cost never passes and noise rarely repeats. This bounds growth, not
 * speed: the benchmark reports the times.
 */
class LinearTimeTest {
    private static final int RUNS = 5;
    private static final int ATTEMPTS = 3;
    private static final double MAX_RATIO = 3.0;

    @ParameterizedTest
    @EnumSource(HostileHtml.class)
    void twiceTheInputTakesAtMostAboutTwiceTheTime(HostileHtml corpus) {
        int n = corpus.standardSize();
        String single = corpus.html(n);
        String twice = corpus.html(2 * n);
        sanitize(single);
        sanitize(twice);
        List<String> measured = new ArrayList<>();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long once = fastest(single);
            long doubled = fastest(twice);
            double ratio = (double) doubled / Math.max(once, 1_000_000L);
            measured.add(String.format("%.1f ms → %.1f ms (×%.2f)", once / 1e6, doubled / 1e6, ratio));
            if (ratio <= MAX_RATIO) return;
        }
        assertThat(measured).as(corpus.description() + ": time for n and 2n").isEmpty();
    }

    private static long fastest(String html) {
        long best = Long.MAX_VALUE;
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            sanitize(html);
            best = Math.min(best, System.nanoTime() - start);
        }
        return best;
    }

    private static void sanitize(String html) {
        MailHtmlSanitizer.sanitize(html, false, InlineImages.NONE);
        MailText.fromHtml(html);
    }
}
