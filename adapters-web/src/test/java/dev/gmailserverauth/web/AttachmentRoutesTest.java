package dev.gmailserverauth.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gmailserverauth.application.World;
import dev.gmailserverauth.domain.fake.NewAttachment;
import dev.gmailserverauth.domain.fake.NewMessage;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.UserIdentity;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Downloads: RFC 6266 names, nosniff, never inline but safe images, a clear error over the size cap. */
class AttachmentRoutesTest {
    private static final byte[] CSV = "Monat,Betrag\nMärz,12\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8);
    private static final byte[] HTML = "<script>alert(document.cookie)</script>".getBytes(StandardCharsets.UTF_8);

    private final World world = new World();
    private final UserIdentity alice = world.google.addAccount("alice@example.com");
    private final MessageId id = world.google.addMessage(alice, new NewMessage("Bob <bob@example.org>", "Files", "See attached", World.START, false)
            .withAttachments(List.of(
                    new NewAttachment("Übersicht März \"final\".csv", "text/csv", CSV),
                    NewAttachment.inline("logo@x", "logo.png", "image/png", ReadingPagesTest.PNG),
                    NewAttachment.inline("vector@x", "drawing.svg", "image/svg+xml", SVG),
                    new NewAttachment("../../etc/page.html", "text/html", HTML),
                    new NewAttachment("huge.bin", "application/octet-stream", new byte[(int) World.ATTACHMENT_LIMIT + 1]))));

    private String path(String part) {
        return "/messages/" + id.value() + "/attachments/" + part;
    }

    @Test
    void aFileDownloadsWithAnRfc6266NameAndNosniff() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            Browser.Download file = browser.download(path("1"));
            assertThat(file.status()).isEqualTo(200);
            assertThat(file.body()).isEqualTo(CSV);
            assertThat(file.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
            assertThat(file.header("Content-Disposition")).hasValue(
                    "attachment; filename=\"_bersicht M_rz _final_.csv\"; filename*=UTF-8''%C3%9Cbersicht%20M%C3%A4rz%20%22final%22.csv");
            assertThat(file.header("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(file.header("Content-Security-Policy")).hasValue("default-src 'none'; img-src 'self'; sandbox");
        });
    }

    @Test
    void onlySafeImagesAreEverInlineAndOnlyWhenTheFrameAsks() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            Browser.Download png = browser.download(path("2") + "?inline=1");
            assertThat(png.body()).isEqualTo(ReadingPagesTest.PNG);
            assertThat(png.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("image/png"));
            assertThat(png.header("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).startsWith("inline; filename=\"logo.png\""));
            assertThat(browser.download(path("2")).header("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).startsWith("attachment;"));
            assertThat(browser.download(path("3") + "?inline=1").header("Content-Disposition")).as("svg")
                    .hasValueSatisfying(d -> assertThat(d).startsWith("attachment;"));
            Browser.Download html = browser.download(path("4") + "?inline=1");
            assertThat(html.header("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).startsWith("attachment; filename=\"_.._etc_page.html\""));
        });
    }

    @Test
    void aFileOverTheCapIsAClearErrorAndIsNotDownloaded() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            Browser.Response page = browser.get(path("5"));
            assertThat(page.status()).isEqualTo(422);
            assertThat(page.dom().selectFirst("#error-reason").text()).contains("64 KB", "Gmail");
            Browser.Response api = browser.get("/api" + path("5"));
            assertThat(api.status()).isEqualTo(422);
            JsonObject error = JsonParser.parseString(api.body()).getAsJsonObject();
            assertThat(error.get("error").getAsString()).isEqualTo("attachment_too_large");
            assertThat(error.get("limitBytes").getAsLong()).isEqualTo(World.ATTACHMENT_LIMIT);
            assertThat(error.get("sizeBytes").getAsLong()).isEqualTo(World.ATTACHMENT_LIMIT + 1);
        });
    }

    @Test
    void theApiAnswersTheFileAsBase64url() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            JsonObject file = JsonParser.parseString(browser.get("/api" + path("1")).body()).getAsJsonObject();
            assertThat(file.get("filename").getAsString()).isEqualTo("Übersicht März \"final\".csv");
            assertThat(Base64.getUrlDecoder().decode(file.get("data").getAsString())).isEqualTo(CSV);
            assertThat(file.get("size").getAsInt()).isEqualTo(CSV.length);
        });
    }

    @Test
    void unknownOrMalformedPartsAndMessagesAreClear4xx() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            assertThat(browser.get(path("9")).status()).isEqualTo(404);
            assertThat(browser.get(path("1.x")).status()).isEqualTo(400);
            assertThat(browser.get(path("..")).status()).isIn(400, 404);
            assertThat(browser.get("/messages/ffffffffffff0000/attachments/1").status()).isEqualTo(404);
            assertThat(browser.get("/api" + path("9")).status()).isEqualTo(404);
            browser.clearCookie();
            assertThat(browser.get(path("1")).location()).isEqualTo("/login");
            assertThat(browser.get("/api" + path("1")).status()).isEqualTo(401);
        });
    }
}
