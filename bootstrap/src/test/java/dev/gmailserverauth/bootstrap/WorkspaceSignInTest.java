package dev.gmailserverauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.UserId;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A person of the Workspace domain signs in to the web front with Google sign-in only ({@code openid email}) and reads
 * their own mailbox through delegation, over real HTTP against the sandbox: only enrolled people of the domain get
 * in, and nobody names another person's mailbox.
 */
class WorkspaceSignInTest {
    private static final String CLEO = "cleo@northwind.example";
    private static final String ADA = "ada@northwind.example";
    private static final String BEN = "ben@northwind.example";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final HttpSignIn signIn = new HttpSignIn();

    @Test
    void anEnrolledPersonSignsInWithOpenIdEmailOnlyAndReadsOnlyTheirOwnMailbox(@TempDir Path folder) throws Exception {
        Map<String, String> env = Map.of("APP_PORT", String.valueOf(TestApps.freePort()), "APP_MANAGEMENT_PORT", "0",
                "SANDBOX_PORT", String.valueOf(TestApps.freePort()), "APP_DATABASE_URL", "jdbc:sqlite:" + folder.resolve("app.db"),
                "GOOGLE_SERVICE_ACCOUNT_KEY", folder.resolve("keys/service-account.json").toString());
        try (GmailServerAuth server = GmailServerAuth.start(AppConfig.fromEnvironment(env));
             CommandContext context = new CommandContext(env, Clock.systemUTC())) {
            URI app = server.baseUrl();
            for (String person : new String[] {CLEO, ADA}) {
                CommandRun enrol = CommandRun.of(env, "mailboxes", "enrol", "--user", person);
                assertThat(enrol.exitCode()).as(enrol.err()).isZero();
            }
            UserId ada = context.persistence().enrolledMailboxes().findByEmail(new EmailAddress(ADA)).orElseThrow().user();

            assertThat(get(app.resolve("/"), "").body()).contains("Sign in with your northwind.example account");

            // The request asks for who the person is, nothing of their mail, and no refresh token.
            HttpResponse<String> login = get(app.resolve("/login/workspace"), "");
            assertThat(login.statusCode()).isEqualTo(302);
            URI consent = URI.create(login.headers().firstValue("Location").orElseThrow());
            Map<String, String> query = query(consent);
            assertThat(query.get("scope").split(" ")).containsExactlyInAnyOrder("openid", "email");
            assertThat(query).doesNotContainKeys("access_type", "prompt", "include_granted_scopes", "login_hint")
                    .containsEntry("hd", "northwind.example").containsEntry("code_challenge_method", "S256").containsKey("state");
            // The sandbox's consent page shows the sign-in scopes only: nothing to tick, no Gmail.
            String page = get(consent, "").body();
            assertThat(page).doesNotContain("gmail").doesNotContain("type=\"checkbox\"");

            HttpResponse<String> callback = signIn.complete(app, "/login/workspace", CLEO);
            assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
            assertThat(callback.headers().firstValue("Location")).hasValue("/messages");
            String cleo = callback.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0]).collect(Collectors.joining("; "));
            UserId cleoId = context.persistence().enrolledMailboxes().findByEmail(new EmailAddress(CLEO)).orElseThrow().user();
            assertThat(context.persistence().credentials().findByUserId(cleoId)).as("no credential: no refresh token was asked for").isEmpty();

            HttpResponse<String> mail = get(app.resolve("/api/messages?maxResults=10"), cleo);
            assertThat(mail.statusCode()).as(mail.body()).isEqualTo(200);
            assertThat(mail.body()).contains("Re: Supplier contract");
            assertThat(get(app.resolve("/messages"), cleo).statusCode()).isEqualTo(200);

            // Another enrolled mailbox, named by address or id, is nobody's business here.
            for (String other : new String[] {ADA, ada.value()}) {
                assertThat(get(app.resolve("/api/messages?account=" + other), cleo).statusCode()).as(other).isEqualTo(404);
                assertThat(get(app.resolve("/messages?account=" + other), cleo).statusCode()).as(other).isEqualTo(404);
            }
            assertThat(get(app.resolve("/api/messages?account=" + ADA), cleo).body()).doesNotContain("Domain-wide delegation is on");

            // Ben is of the domain but not enrolled; Alice (a consumer account) and Dana (another organisation) are not of it.
            HttpResponse<String> ben = signIn.complete(app, "/login/workspace", BEN);
            assertThat(ben.statusCode()).isEqualTo(403);
            assertThat(ben.body()).contains("is not enrolled").contains("ask your administrator");
            assertThat(ben.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("sid=") && !c.startsWith("sid=;"));
            for (String outsider : new String[] {"alice@example.com", "dana@corp.example"}) {
                HttpResponse<String> refused = signIn.complete(app, "/login/workspace", outsider);
                assertThat(refused.statusCode()).as(outsider).isEqualTo(403);
                assertThat(refused.body()).contains(outsider + " is not a northwind.example account");
                assertThat(refused.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("sid=") && !c.startsWith("sid=;"));
            }

            // The account page shows no 500 for an account with no consent, and disconnecting only signs Cleo out:
            // nothing of hers to revoke, and her mailbox stays enrolled (the administrator's to remove).
            assertThat(get(app.resolve("/account"), cleo).statusCode()).isLessThan(500);
            Matcher csrf = CSRF.matcher(get(app.resolve("/messages"), cleo).body());
            assertThat(csrf.find()).as("the page's anti-forgery token").isTrue();
            HttpResponse<String> disconnect = http.send(HttpRequest.newBuilder(app.resolve("/disconnect")).header("Cookie", cleo)
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", app.toString().replaceAll("/$", ""))
                    .POST(HttpRequest.BodyPublishers.ofString("csrf=" + csrf.group(1))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(disconnect.statusCode()).as(disconnect.body()).isEqualTo(303);
            assertThat(get(app.resolve("/api/messages"), cleo).statusCode()).isEqualTo(401);
            assertThat(context.persistence().enrolledMailboxes().findByUserId(cleoId)).isPresent();
            assertThat(context.persistence().linkedAccounts().find(cleoId)).as("signed out of her account").isEmpty();
        }
    }

    private HttpResponse<String> get(URI uri, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (!cookie.isEmpty()) request.header("Cookie", cookie);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> URLDecoder.decode(pair.length > 1 ? pair[1] : "", StandardCharsets.UTF_8)));
    }
}
