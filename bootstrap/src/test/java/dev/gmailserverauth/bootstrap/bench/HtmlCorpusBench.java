package dev.gmailserverauth.bootstrap.bench;

import dev.gmailserverauth.web.sanitizer.HostileHtml;
import dev.gmailserverauth.web.sanitizer.InlineImages;
import dev.gmailserverauth.web.sanitizer.MailHtmlSanitizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The hostile-HTML corpus of issue 13 (the same {@link HostileHtml} the linear-time test uses): the time
 * to sanitize each crafted mail for the message frame, p50 of 20 after 10 warm-ups. The target is 100 ms
 * each; the 2 MB row is the largest body rendered whole.
 */
final class HtmlCorpusBench {
    private static final double TARGET_MILLIS = 100;

    private HtmlCorpusBench() {
    }

    static List<Benchmarks.Row> run() throws Exception {
        List<Benchmarks.Row> rows = new ArrayList<>();
        for (HostileHtml corpus : HostileHtml.values()) {
            int n = corpus.standardSize() * (corpus == HostileHtml.LARGE_NEWSLETTER ? 2 : 1);
            String html = corpus.html(n);
            Stats stats = Benchmarks.time(10, 20, () -> MailHtmlSanitizer.sanitize(html, false, InlineImages.NONE));
            double p50 = stats.percentileMillis(50);
            rows.add(new Benchmarks.Row("HTML mail sanitized for display: `" + corpus.description() + "`, n = " + n + " (" + size(html.length()) + "), p50",
                    "< 100 ms", Benchmarks.ms(p50), "p95 " + Benchmarks.ms(stats.percentileMillis(95)), p50 < TARGET_MILLIS));
        }
        return rows;
    }

    private static String size(int chars) {
        return chars >= 1024 * 1024 ? String.format("%.1f MB", chars / (1024.0 * 1024.0)) : (chars / 1024) + " KB";
    }
}
