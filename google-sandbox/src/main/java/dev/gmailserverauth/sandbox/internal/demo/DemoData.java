package dev.gmailserverauth.sandbox.internal.demo;

import dev.gmailserverauth.sandbox.SandboxAttachment;
import dev.gmailserverauth.sandbox.SandboxMessage;
import dev.gmailserverauth.sandbox.internal.GooglePages;
import dev.gmailserverauth.sandbox.internal.SandboxState;
import dev.gmailserverauth.sandbox.internal.gmail.GmailAccountMailbox;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The seeded demo: Alice with 300 varied messages over nine months (among them the hand-made {@link DemoShowcase}),
 * Bob with a few, Carol with none.
 * Same seed, same data: every choice comes from one {@link Random} and dates from a fixed anchor.
 */
public final class DemoData {
    public static final String ALICE = "alice@example.com";
    public static final String BOB = "bob@example.com";
    public static final String CAROL = "carol@example.com";
    public static final List<String> ACCOUNTS = List.of(ALICE, BOB, CAROL);
    /** Newest demo message is just before this instant. */
    public static final Instant ANCHOR = Instant.parse("2026-06-01T09:00:00Z");
    static final int ALICE_MESSAGES = 300;
    private static final int BOB_MESSAGES = 12;

    private static final String[] SENDERS = {
        "Bob Builder <bob@example.com>", "Zoë Müller <zoe.mueller@example.de>", "José García <jose@example.es>",
        "田中 太郎 <taro.tanaka@example.jp>", "GitHub <noreply@github.example>", "Amazon.example <ship-confirm@amazon.example>",
        "Dr. Priya Nair <priya@clinic.example>", "Travel Desk <bookings@travel.example>", "Bank of Example <alerts@bank.example>",
        "Olivia Chen <olivia.chen@example.org>", "Newsletter Weekly <news@letters.example>", "Marc Dubois <marc@example.fr>",
        "Søren Kierkegaard <soren@example.dk>", "HR Team <hr@company.example>", "Linus <linus@kernel.example>",
        "Ana Souza <ana@example.br>", "Calendar <calendar-notification@example.com>", "Władysław Nowak <wladek@example.pl>"
    };
    private static final String[] SUBJECTS = {
        "Quarterly report", "Lunch on Friday?", "Your order has shipped", "Invoice #%d", "Meeting notes – %s",
        "Flight confirmation: LIS → BER", "Grüße aus München", "¿Nos vemos mañana?", "会議の件について", "Password reset request",
        "Weekly digest #%d", "Re: project Apollo timeline", "Photos from the weekend 📷", "Your statement is ready",
        "Pull request #%d merged", "Reminder: dentist appointment", "Offre spéciale : -30 %", "Team offsite agenda",
        "Receipt for your payment", "Café & croissants ☕"
    };
    private static final String[] BODY_LINES = {
        "Hi Alice,", "Thanks for the quick reply.", "Please find the details below.", "Let me know what you think.",
        "The numbers look better than last quarter.", "Can we move this to next week?", "Your package will arrive on Tuesday.",
        "Don't forget to bring the documents <and> the signed form.", "Bis bald und viele Grüße!", "¡Gracias por todo!",
        "Here is the link we talked about.", "Cheers, and have a great weekend.", "This is an automated message; please do not reply."
    };
    private static final String[] USER_LABELS = {"Receipts", "Travel", "Projects/Apollo", "Family"};

    private DemoData() {}

    /** The consumer demo accounts and their mail, then the managed account with this session control. */
    public static void seed(SandboxState state, long seed, Duration reauthEvery) {
        seed(state, seed);
        ManagedDemoAccount.seed(state, reauthEvery);
    }

    static void seed(SandboxState state, long seed) {
        state.addAccount(ALICE, "Alice Example");
        state.addAccount(BOB, "Bob Builder");
        state.addAccount(CAROL, "Carol Empty");
        state.mailbox(state.accounts().require(ALICE)).fillLazily(m -> {
            fill(m, "Alice Example <" + ALICE + ">", ALICE_MESSAGES - DemoShowcase.MESSAGES, new Random(seed));
            DemoShowcase.addTo(m, ANCHOR);
        });
        state.mailbox(state.accounts().require(BOB)).fillLazily(
                m -> fill(m, "Bob Builder <" + BOB + ">", BOB_MESSAGES, new Random(seed + 1)));
    }

    private static void fill(GmailAccountMailbox mailbox, String owner, int count, Random random) {
        Instant date = ANCHOR.minus(Duration.ofDays(270));
        long stepSeconds = Duration.ofDays(270).toSeconds() / count;
        List<String[]> threads = new ArrayList<>();  // {threadId, subject, sender}
        for (int i = 0; i < count; i++) {
            date = date.plusSeconds(stepSeconds / 2 + random.nextLong(stepSeconds));
            if (date.isAfter(ANCHOR)) date = ANCHOR.minusSeconds(count - i);
            boolean reply = !threads.isEmpty() && random.nextInt(5) == 0;
            String[] thread = reply ? threads.get(threads.size() - 1 - random.nextInt(Math.min(5, threads.size()))) : null;
            String sender = reply ? thread[2] : SENDERS[random.nextInt(SENDERS.length)];
            String subject = reply ? "Re: " + thread[1].replaceFirst("^Re: ", "") : subject(random, i);
            boolean sent = random.nextInt(8) == 0;
            String from = sent ? owner : sender;
            String to = sent ? sender : owner;
            String text = body(random, sender);
            List<String> labels = labels(random, sent);
            SandboxMessage message = new SandboxMessage(from, to, subject, date, text,
                    random.nextBoolean() ? Optional.of(html(text)) : Optional.empty(), labels,
                    reply ? Optional.of(thread[0]) : Optional.empty(), attachments(random, i));
            String id = mailbox.add(message);
            if (!reply) threads.add(new String[] {id, subject, sender});
        }
    }

    private static String subject(Random random, int i) {
        String template = SUBJECTS[random.nextInt(SUBJECTS.length)];
        return template.contains("%d") ? String.format(template, 1000 + i) : template.contains("%s") ? String.format(template, "week " + (i % 52 + 1)) : template;
    }

    private static String body(Random random, String sender) {
        StringBuilder text = new StringBuilder();
        int lines = 2 + random.nextInt(5);
        for (int l = 0; l < lines; l++) text.append(BODY_LINES[random.nextInt(BODY_LINES.length)]).append('\n');
        text.append("\n-- \n").append(sender.replaceAll(" <.*", "")).append('\n');
        return text.toString();
    }

    private static String html(String text) {
        StringBuilder html = new StringBuilder("<div dir=\"ltr\">");
        for (String line : text.split("\n")) html.append("<p>").append(GooglePages.escape(line)).append("</p>");
        return html.append("</div>").toString();
    }

    private static List<String> labels(Random random, boolean sent) {
        List<String> labels = new ArrayList<>();
        if (sent) {
            labels.add("SENT");
        } else {
            int where = random.nextInt(40);
            labels.add(where == 0 ? "SPAM" : where == 1 ? "TRASH" : "INBOX");
            if (random.nextInt(10) < 3) labels.add("UNREAD");
            labels.add(List.of("CATEGORY_PERSONAL", "CATEGORY_UPDATES", "CATEGORY_PROMOTIONS", "CATEGORY_SOCIAL", "CATEGORY_FORUMS")
                    .get(random.nextInt(5)));
        }
        if (random.nextInt(10) == 0) labels.add("STARRED");
        if (random.nextInt(6) == 0) labels.add("IMPORTANT");
        if (random.nextInt(5) == 0) labels.add(USER_LABELS[random.nextInt(USER_LABELS.length)]);
        return labels;
    }

    private static List<SandboxAttachment> attachments(Random random, int i) {
        if (random.nextInt(20) != 0) return List.of();
        if (random.nextBoolean()) {
            String csv = "date,amount,currency\n2026-01-0" + (i % 9 + 1) + "," + (10 + i) + ".50,EUR\n";
            return List.of(new SandboxAttachment("statement-" + i + ".csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        }
        byte[] pdf = ("%PDF-1.4\n% sandbox demo " + i + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        return List.of(new SandboxAttachment("report-" + i + ".pdf", "application/pdf", pdf));
    }
}
