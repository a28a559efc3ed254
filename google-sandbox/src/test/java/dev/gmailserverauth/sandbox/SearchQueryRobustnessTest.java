package dev.gmailserverauth.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever {@code q} a client sends, Gmail's answer is 200 or a 400 "Invalid query", never a 500. */
class SearchQueryRobustnessTest {
    private static final String ME = "fuzz@example.net";
    private static final String[] FRAGMENTS = {
        "from:", "to:", "subject:", "label:", "in:", "is:", "has:", "filename:", "after:", "before:", "newer_than:", "older_than:",
        "larger:", "smaller:", "category:", "rfc822msgid:", "cc:", "bcc:", "OR", "AND", "-", "(", ")", "{", "}", "\"", " ", " ", ":",
        "0", "7", "99999999999", "99999999999999999999", "-1", "1.5", "d", "m", "y", "k", "M", "K", "w", "h", "2024/01/31", "2024-13-45",
        "1706659200", "/", "//", "me", "unread", "anywhere", "attachment", "ü", "漢字", "😀", "\\", "'", "*", "%", "&", "=", "\t", "AROUND"
    };
    @RegisterExtension
    static final SandboxHarness h = SandboxHarness.start(SandboxConfig.defaults(List.of(SandboxHarness.REDIRECT)).withDemoData(false));
    private static String token;

    @BeforeAll
    static void start() throws IOException {
        h.sandbox.control().addAccount(ME, "Fay Fuzz");
        for (int i = 0; i < 5; i++) {
            h.sandbox.control().addMessage(ME, SandboxMessage.of("a" + i + "@example.org", ME, "Subject " + i,
                    Instant.parse("2026-01-0" + (i + 1) + "T10:00:00Z"), "body " + i));
        }
        token = h.login(ME).getAccessToken();
    }

    private static HttpResponse<String> search(String q) {
        return h.getWithToken("/gmail/v1/users/me/messages?q=" + SandboxHarness.enc(q), token);
    }

    @ParameterizedTest
    @ValueSource(strings = {"newer_than:99999999999y", "older_than:99999999999999999999d", "larger:99999999999999999999",
        "smaller:9999999999999999m", "after:99999999999999999999", "before:999999999999999999", "after:abc", "before:2024/02",
        "after:-5", "newer_than:5w", "larger:1.5M"})
    void outOfRangeOrMalformedOperandsAre400InvalidQuery(String q) {
        HttpResponse<String> r = search(q);

        assertThat(r.statusCode()).as(q).isEqualTo(400);
        assertThat(r.body()).isEqualTo("{\"error\":{\"code\":400,\"message\":\"Invalid query\",\"errors\":[{\"message\":\"Invalid query\","
                + "\"domain\":\"global\",\"reason\":\"invalidArgument\"}],\"status\":\"INVALID_ARGUMENT\"}}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"unclosed phrase", "(unclosed group", "{unclosed either", "subject:(unclosed", "subject:\"unclosed",
        ")))", "}}}", "- - -", "-", "OR", "a OR", "OR b", "AND", "\"\"", "()", "{}", "from:", ":", "::::", "label:", "newer_than:9999y",
        "larger:0", "after:0000000000", "is:whatever", "has:nothing", "category:nope"})
    void oddButHarmlessQueriesAreAnswered(String q) {
        assertThat(search(q).statusCode()).as(q).isEqualTo(200);
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() {
        assertThat(search("(".repeat(500) + "a" + ")".repeat(500)).statusCode()).isEqualTo(400);
        assertThat(search("-".repeat(300) + "a").statusCode()).isEqualTo(400);
        assertThat(search("{".repeat(300)).statusCode()).isEqualTo(400);
        assertThat(search("(".repeat(10) + "a" + ")".repeat(10)).statusCode()).isEqualTo(200);
    }

    @Test
    void aQueryOfVeryManyTermsIsRefused() {
        assertThat(search("a ".repeat(1001)).statusCode()).isEqualTo(400);
        assertThat(search("a ".repeat(999)).statusCode()).isEqualTo(200);
    }

    @Test
    void randomQueriesAreNeverAServerError() {
        Random random = new Random(13);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            StringBuilder q = new StringBuilder();
            int parts = 1 + random.nextInt(8);
            for (int p = 0; p < parts; p++) q.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            HttpResponse<String> r = search(q.toString());
            if (r.statusCode() != 200 && r.statusCode() != 400) failures.add(r.statusCode() + " for q=" + q);
        }

        assertThat(failures).isEmpty();
    }
}
