package dev.gmailserverauth.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.gmailserverauth.application.World;
import dev.gmailserverauth.domain.model.UserIdentity;
import dev.gmailserverauth.web.shared.BadInput;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sweeps over the app's own route table, so that a route added later is covered without editing this test:
 * malformed percent escapes in every path parameter are a 400 with one log line and no stack trace, and
 * HEAD answers what GET answers, signed in and signed out.
 */
class RouteTableSweepTest {
    /** Not escapes at all, escapes of no bytes, and bytes that are not UTF-8 (overlong, truncated, surrogate, out of range). */
    private static final List<String> MALFORMED = List.of("%u0041", "%u002e", "%U0041", "%zz", "%", "%2", "%g1", "%e0%80", "%c0%af",
            "%c0%80", "%e0%80%af", "%80", "%ed%a0%80", "%f8%88%80%80%80", "%f4%90%80%80", "%ff", "a%", "%%41", "%00");
    private static final String SOME_ID = "0000000000000001";

    @RegisterExtension
    final AccessLog log = new AccessLog();

    private final World world = new World();
    private final UserIdentity alice = TestApp.accountWithMail(world, "alice@example.com", 2);

    @Test
    void aMalformedEscapeInAnyPathParameterIsA400WithOneLogLineAndNoStackTrace() {
        Javalin app = TestApp.app(world);
        List<Endpoint> routes = endpoints(app).stream().filter(e -> e.path.contains("{")).toList();
        assertThat(routes).as("routes with a path parameter").hasSizeGreaterThanOrEqualTo(8);
        TestApp.run(app, browser -> {
            TestApp.signIn(browser, world, alice);
            String cookie = browser.cookie().orElseThrow();
            List<String> failures = new ArrayList<>();
            int sent = 0;
            for (Optional<String> session : List.of(Optional.<String>empty(), Optional.of(cookie))) {
                for (Endpoint route : routes) {
                    for (String bad : MALFORMED) {
                        String target = route.path.replaceAll("\\{[^}]+}", bad);
                        log.clear();
                        RawHttp.Reply reply = RawHttp.send(browser.port(), route.method.name(), target,
                                session.map(c -> "Cookie: " + c + "\r\n").orElse(""), new byte[0]);
                        sent++;
                        String what = (session.isPresent() ? "[in] " : "[out] ") + route.method.name() + " " + target;
                        if (reply.status() != 400) failures.add(what + " -> " + reply.status());
                        List<ILoggingEvent> lines = List.copyOf(log.everything());
                        if (lines.stream().anyMatch(line -> line.getThrowableProxy() != null)) failures.add(what + " logged a stack trace");
                        if (lines.size() != 1) failures.add(what + " logged " + lines.size() + " lines: " + lines);
                        if (reply.text().contains("\tat ") || reply.text().contains("Exception")) failures.add(what + " shows a stack trace");
                    }
                }
            }
            assertThat(sent).isEqualTo(2 * routes.size() * MALFORMED.size());
            assertThat(failures).isEmpty();
        });
    }

    /**
     * Request lines Jetty cannot read at all (escapes that are not two hex digits, and {@code %00}): it refuses them before it
     * reads the headers, so their page cannot know who asks and has no signed-in header. Every other malformed address reaches
     * the app ({@code PathEscapes.leaveToTheApp}).
     */
    private static final List<String> UNREADABLE_REQUEST_LINE = List.of("%U0041", "%zz", "%", "%2", "%g1", "a%", "%%41", "%00");

    /**
     * Every HTML route with a path parameter, given a malformed escape or an id that cannot be one: a 400, the styled error page
     * with one wording, and the signed-in header (the account switcher) exactly when the request carries a session and Jetty could
     * read its headers.
     */
    @Test
    void everyHtmlRouteWithAPathParameterGivesTheStyledPageWithOneWordingAndTheHeaderWhenSignedIn() {
        Javalin app = TestApp.app(world);
        List<Endpoint> routes = endpoints(app).stream()
                .filter(e -> e.path.contains("{") && !e.path.startsWith("/api/") && e.method.equals(HandlerType.GET)).toList();
        assertThat(routes).as("HTML routes with a path parameter").extracting(e -> e.path)
                .contains("/messages/{id}", "/threads/{id}", "/messages/{id}/body", "/messages/{id}/attachments/{part}");
        List<String> badValues = new ArrayList<>(MALFORMED);
        badValues.addAll(List.of("bad.id", "%20", "%2e%2e", "x%0ay", "%7f"));
        TestApp.run(app, browser -> {
            TestApp.signIn(browser, world, alice);
            String cookie = browser.cookie().orElseThrow();
            List<String> failures = new ArrayList<>();
            for (Optional<String> session : List.of(Optional.<String>empty(), Optional.of(cookie))) {
                for (Endpoint route : routes) {
                    for (String bad : badValues) {
                        String target = route.path.replaceAll("\\{[^}]+}", bad);
                        RawHttp.Reply reply = RawHttp.send(browser.port(), "GET", target, session.map(c -> "Cookie: " + c + "\r\n").orElse(""),
                                new byte[0]);
                        String what = (session.isPresent() ? "[in] " : "[out] ") + "GET " + target;
                        if (reply.status() != 400) failures.add(what + " -> " + reply.status());
                        if (!reply.text().contains("/static/app.css") || !reply.text().contains("id=\"error-reason\"")) {
                            failures.add(what + " is not the styled error page");
                        }
                        if (!reply.text().contains(BadInput.MALFORMED_ADDRESS)) failures.add(what + " words it otherwise");
                        boolean readable = !UNREADABLE_REQUEST_LINE.contains(bad);
                        if (reply.text().contains("id=\"account-email\"") != (session.isPresent() && readable)) {
                            failures.add(what + (session.isPresent() ? " has no signed-in header" : " has a signed-in header"));
                        }
                    }
                }
            }
            assertThat(failures).isEmpty();
            assertThat(badValues).as("the malformed values Jetty cannot read are among those swept").containsAll(UNREADABLE_REQUEST_LINE);
        });
    }

    /** Badly encoded bytes now reach the app even where no route matches (static files, unknown paths): still a 400, never a 500. */
    @Test
    void badlyEncodedBytesOutsideTheRoutesAreA400Too() {
        TestApp.run(TestApp.app(world), browser -> {
            for (String target : List.of("/static/%ff", "/static/app.css%c0%af", "/%e0%80", "/nowhere/%ed%a0%80", "/api/%80", "/health%ff")) {
                log.clear();
                RawHttp.Reply reply = RawHttp.send(browser.port(), "GET", target, "", new byte[0]);
                assertThat(reply.status()).as(target).isEqualTo(400);
                assertThat(reply.text()).as(target).contains(BadInput.MALFORMED_ADDRESS).doesNotContain("Exception");
                assertThat(log.everything()).as(target).noneMatch(line -> line.getThrowableProxy() != null);
            }
        });
    }

    @Test
    void aMalformedEscapeGetsThePageOnHtmlRoutesAndJsonUnderApi() {
        TestApp.run(TestApp.app(world), browser -> {
            RawHttp.Reply page = RawHttp.send(browser.port(), "GET", "/messages/%u0041", "", new byte[0]);
            assertThat(page.status()).isEqualTo(400);
            assertThat(page.text()).contains("text/html", BadInput.MALFORMED_ADDRESS);
            RawHttp.Reply json = RawHttp.send(browser.port(), "GET", "/api/messages/%u0041", "", new byte[0]);
            assertThat(json.status()).isEqualTo(400);
            assertThat(json.text()).contains("application/json", "\"error\":\"bad_request\"", BadInput.MALFORMED_ADDRESS);
        });
    }

    @Test
    void headAnswersWhatGetAnswersOnEveryGetRouteSignedInAndOut() {
        Javalin app = TestApp.app(world);
        List<Endpoint> gets = endpoints(app).stream().filter(e -> e.method.equals(HandlerType.GET)).toList();
        assertThat(endpoints(app).stream().filter(e -> e.method.equals(HandlerType.HEAD)).map(e -> e.path))
                .as("every GET route has its HEAD route").containsExactlyInAnyOrderElementsOf(gets.stream().map(e -> e.path).toList());
        TestApp.run(app, browser -> {
            List<String> differences = new ArrayList<>();
            int signedOutRefusals = 0;
            for (boolean signedIn : new boolean[] {false, true}) {
                if (signedIn) TestApp.signIn(browser, world, alice);
                Optional<String> cookie = browser.cookie();
                String headers = signedIn ? "Cookie: " + cookie.orElseThrow() + "\r\n" : "";
                for (Endpoint route : gets) {
                    String target = route.path.replaceAll("\\{[^}]+}", SOME_ID);
                    RawHttp.Reply get = RawHttp.send(browser.port(), "GET", target, headers, new byte[0]);
                    RawHttp.Reply head = RawHttp.send(browser.port(), "HEAD", target, headers, new byte[0]);
                    if (get.status() != head.status()) {
                        differences.add((signedIn ? "[in] " : "[out] ") + target + ": GET " + get.status() + ", HEAD " + head.status());
                    }
                    if (!head.text().endsWith("\r\n\r\n")) differences.add("HEAD " + target + " has a body");
                    if (!signedIn && (get.status() == 401 || get.status() == 302)) signedOutRefusals++;
                }
            }
            assertThat(differences).isEmpty();
            assertThat(signedOutRefusals).as("signed out, the mail and account routes refuse").isGreaterThanOrEqualTo(10);
        });
    }

    @Test
    void headOfApiMeSignedOutIs401LikeGet() {
        TestApp.run(TestApp.app(world), browser -> {
            assertThat(RawHttp.send(browser.port(), "GET", "/api/me", "", new byte[0]).status()).isEqualTo(401);
            assertThat(RawHttp.send(browser.port(), "HEAD", "/api/me", "", new byte[0]).status()).isEqualTo(401);
        });
    }

    private static List<Endpoint> endpoints(Javalin app) {
        return app.unsafe.internalRouter.allHttpHandlers().stream().map(parsed -> parsed.endpoint).toList();
    }
}
