package dev.gmailserverauth.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.application.World;
import dev.gmailserverauth.domain.model.UserIdentity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Throws generated bad input at every route, signed in and not, over a raw socket (so that broken
 * escapes and raw bytes reach the server as sent): no case may answer 5xx or show a stack trace.
 */
class BadInputSweepTest {
    private static final List<String> GET_ROUTES = List.of("/", "/login", "/oauth2/callback", "/messages", "/messages/0000000000000001",
            "/messages/0000000000000001/body", "/messages/0000000000000001/attachments/1", "/threads/0000000000000001",
            "/api/messages", "/api/me", "/api/messages/0000000000000001", "/api/messages/0000000000000001/attachments/1",
            "/api/threads", "/api/threads/0000000000000001", "/api/labels", "/api/openapi.json", "/health");
    private static final List<String> ALL_ROUTES = List.of("/", "/login", "/oauth2/callback", "/messages", "/messages/0000000000000001",
            "/messages/0000000000000001/body", "/messages/0000000000000001/attachments/1", "/threads/0000000000000001",
            "/api/messages", "/api/me", "/api/threads", "/api/labels", "/api/openapi.json", "/logout", "/disconnect", "/health", "/static/app.css");
    private static final List<String> PARAMETERS = List.of("q", "pageToken", "maxResults", "login_hint", "state", "code", "error", "bye");
    private static final List<String> ODD_VALUES = List.of(
            "", "%", "%z", "%zz", "%2", "%C3%28", "%FF%FE%FD", "%ED%A0%80", "%C0%AF", "%00", "%01%02%7F", "%0d%0aSet-Cookie:%20x=1",
            "x".repeat(1025), "y".repeat(6000), "%3Cscript%3Ealert(1)%3C/script%3E", "'%20OR%201=1%20--", "..%2F..%2Fetc%2Fpasswd",
            "-1", "0", "501", "1e3", "NaN", "99999999999999999999", "0x10", "%2B1", "label:INBOX", "%F0%9F%98%80", "+++", "a=b=c",
            "%%%%", "null", "%7B%7D", "access_denied", "invalid_scope", "AAAAAAAAAAAAAAAAAAAAAAAAAA", "4%2F0Aabc", "\u00C3\u0028",
            "\u00FF\u00FE", "%u0041", "%E2%80%AE", "a%20b%09c");
    private static final List<String> ODD_PATHS = List.of(
            "/messages/..", "/messages/%2e%2e", "/messages/a.b", "/messages/" + "x".repeat(200), "/messages/%zz", "/messages/%C3%28",
            "/messages/%00", "/messages/abc%2Fdef", "/messages/%3Cx%3E", "/messages/a%20b", "/messages/" + "\u00E9", "/messages//x",
            "/messages/x/y", "/admin", "/api", "/api/", "/api/messages/extra", "/api/me/x", "/static/../pom.xml", "/static/%2e%2e/x",
            "/static/nothing.css", "/static/", "//messages", "/MESSAGES", "/.git/config", "/oauth2", "/oauth2/callback/extra",
            "/health/x", "/%", "/%zz", "/%C3%28", "/favicon.ico", "/" + "z".repeat(3000), "/login;jsessionid=1", "/messages;x=y",
            "/%2e%2e/%2e%2e/etc/passwd", "/\u00FF", "/api/%00", "/logout/x", "/messages?%", "/?&&&=&=",
            "/messages/0000000000000001/attachments/..", "/messages/0000000000000001/attachments/1..2", "/messages/0000000000000001/attachments/%2e",
            "/messages/0000000000000001/attachments/" + "9".repeat(100), "/messages/0000000000000001/attachments/-1", "/threads/..",
            "/threads/%zz", "/threads/a.b", "/api/threads/%C3%28", "/api/messages/x/attachments/1.", "/messages/0000000000000001/body/x");
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "FOO");
    private static final List<String> ODD_COOKIES = List.of("sid=%%%", "sid=" + "A".repeat(43), "sid=" + "x".repeat(5000), ";;;=;",
            "sid=\"\"", "sid=a; sid=b", "sid", "=x", "__Host-sid=" + "B".repeat(43));
    private static final List<String> ODD_BODIES = List.of("csrf=%zz", "csrf=%C3%28", "csrf=" + "x".repeat(20_000), "&&&&", "csrf",
            "=", "csrf=a&csrf=b", "%", "\u00C3\u0028");

    private final World world = new World();
    private final UserIdentity alice = TestApp.accountWithMail(world, "alice@example.com", 5);

    private record Case(String method, String target, String headers, byte[] body) {
        static Case get(String target) {
            return new Case("GET", target, "", new byte[0]);
        }

        @Override
        public String toString() {
            String shown = target.length() > 120 ? target.substring(0, 120) + "…(" + target.length() + ")" : target;
            return method + " " + shown + (headers.isEmpty() ? "" : " [" + headers.strip().replace("\r\n", " | ").substring(0, Math.min(80, headers.strip().length())) + "]")
                    + (body.length > 0 ? " body=" + body.length + "B" : "");
        }
    }

    @Test
    void noBadInputCausesAServerErrorOrShowsAStackTrace() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            String sessionCookie = browser.cookie().orElseThrow();
            List<Case> cases = cases();

            List<String> failures = new ArrayList<>();
            Map<Integer, Integer> statuses = new TreeMap<>();
            StringBuilder report = new StringBuilder();
            int sent = 0;
            for (Optional<String> cookie : List.of(Optional.<String>empty(), Optional.of(sessionCookie))) {
                for (Case c : cases) {
                    String headers = c.headers() + cookie.map(v -> c.headers().contains("Cookie:") ? "" : "Cookie: " + v + "\r\n").orElse("");
                    RawHttp.Reply reply = RawHttp.send(browser.port(), c.method(), c.target(), headers, c.body());
                    sent++;
                    statuses.merge(reply.status(), 1, Integer::sum);
                    report.append(cookie.isPresent() ? "in  " : "out ").append(reply.status()).append(' ').append(c).append('\n');
                    check(c, cookie.isPresent(), reply).ifPresent(failures::add);
                }
            }
            writeReport(sent, statuses, report);
            assertThat(sent).isGreaterThanOrEqualTo(400);
            assertThat(failures).as("cases answered with 5xx or with stack-trace text, out of " + sent).isEmpty();
            assertThat(browser.get("/messages").status()).as("the session survived the sweep").isEqualTo(200);
        });
    }

    /** target/bad-input-sweep.txt: every case with its status, for a person to read. */
    private static void writeReport(int sent, Map<Integer, Integer> statuses, StringBuilder cases) throws IOException {
        Path file = Path.of("target", "bad-input-sweep.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, sent + " requests; statuses " + statuses + "\n" + cases);
    }

    private static Optional<String> check(Case c, boolean signedIn, RawHttp.Reply reply) {
        String text = reply.text();
        boolean leaks = text.contains("Exception") || text.contains("at dev.") || text.contains("at io.javalin") || text.contains("at org.eclipse")
                || text.contains("Caused by") || text.contains("\tat ");
        if (reply.status() >= 500 || leaks) {
            return Optional.of((signedIn ? "[signed in] " : "[signed out] ") + c + " -> " + reply.status() + "\n" + text.substring(0, Math.min(600, text.length())));
        }
        return Optional.empty();
    }

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        // every GET route × every parameter it reads or not × odd values
        for (String route : GET_ROUTES) {
            for (int i = 0; i < ODD_VALUES.size(); i++) {
                String parameter = PARAMETERS.get((i + route.length()) % PARAMETERS.size());
                cases.add(Case.get(route + "?" + parameter + "=" + ODD_VALUES.get(i)));
            }
        }
        // the parameters each route really reads, with every odd value
        for (String value : ODD_VALUES) {
            cases.add(Case.get("/api/messages?q=" + value + "&maxResults=" + value + "&pageToken=" + value));
            cases.add(Case.get("/messages?q=" + value + "&pageToken=" + value));
            cases.add(Case.get("/messages/0000000000000001?images=" + value));
            cases.add(Case.get("/messages/0000000000000001/attachments/1?inline=" + value));
            cases.add(Case.get("/api/threads?q=" + value + "&maxResults=" + value + "&pageToken=" + value));
            cases.add(Case.get("/login?login_hint=" + value));
            cases.add(Case.get("/oauth2/callback?state=" + value + "&code=" + value + "&error=" + value));
        }
        ODD_PATHS.forEach(path -> cases.add(Case.get(path)));
        for (String method : METHODS) {
            for (String route : ALL_ROUTES) cases.add(new Case(method, route, "", new byte[0]));
        }
        for (String cookie : ODD_COOKIES) {
            for (String route : List.of("/", "/messages", "/api/me")) cases.add(new Case("GET", route, "Cookie: " + cookie + "\r\n", new byte[0]));
            cases.add(new Case("POST", "/logout", "Cookie: " + cookie + "\r\n", new byte[0]));
        }
        for (String body : ODD_BODIES) {
            for (String route : List.of("/logout", "/disconnect")) {
                cases.add(new Case("POST", route, "Content-Type: application/x-www-form-urlencoded\r\n", body.getBytes(StandardCharsets.ISO_8859_1)));
                cases.add(new Case("POST", route, "Content-Type: text/plain\r\n", body.getBytes(StandardCharsets.ISO_8859_1)));
            }
        }
        cases.add(new Case("POST", "/logout", "Content-Type: application/x-www-form-urlencoded\r\n", new byte[100_000]));
        cases.add(new Case("GET", "/messages", "X-Forwarded-Host: evil.example\r\nHost: evil.example\r\n", new byte[0]));
        cases.add(new Case("GET", "/messages?q=" + "%41".repeat(2000), "", new byte[0]));
        cases.add(new Case("GET", "/api/messages?" + "a=1&".repeat(100), "", new byte[0]));
        cases.addAll(randomQueries(new Random(20261125), 150));
        return cases;
    }

    /** Random query strings from an alphabet rich in the characters that break parsers. */
    private static List<Case> randomQueries(Random random, int count) {
        String alphabet = "aZ09-_.~%%%&&==++;:/?#[]@!$'()*,\"<>\\^`{|}\u00C3\u00A9\u00FF";
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder query = new StringBuilder();
            int length = random.nextInt(i % 10 == 0 ? 3000 : 60);
            for (int j = 0; j < length; j++) {
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                if (c == '#') continue; // a fragment never reaches a server
                query.append(c);
            }
            String route = GET_ROUTES.get(random.nextInt(GET_ROUTES.size()));
            String name = PARAMETERS.get(random.nextInt(PARAMETERS.size()));
            cases.add(Case.get(route + "?" + name + "=" + query));
        }
        return cases;
    }
}
