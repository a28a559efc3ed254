package dev.gmailserverauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.application.ListAllMessages;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The export's progress: a bar redrawn in place on a terminal, plain lines (and every wait) otherwise. */
class ExportProgressTest {

    @Test
    void onATerminalOneBarIsRedrawnInPlace() {
        StringWriter text = new StringWriter();
        ExportProgress bar = ExportProgress.to(new PrintWriter(text), true, 1000);
        bar.listed(new ListAllMessages.Progress(500, 1, Optional.empty()));
        bar.listed(new ListAllMessages.Progress(500, 1, Optional.of(Instant.parse("2026-11-25T10:01:00Z"))));
        bar.done(1000);

        assertThat(text.toString()).startsWith("\r[###############...............] 500 (at most 1000) 1 page(s)")
                .contains("\r[###############...............] 500 (at most 1000) waiting for Gmail's quota until 2026-11-25T10:01:00Z")
                .endsWith("\r[##############################] 1000 message(s)\u001b[K\n");
        assertThat(text.toString().chars().filter(c -> c == '\n').count()).as("one line, drawn over").isEqualTo(1);
    }

    @Test
    void otherwisePlainLinesEvery500MessagesAndAtEveryWait() {
        StringWriter text = new StringWriter();
        ExportProgress lines = ExportProgress.to(new PrintWriter(text), false, 10_000);
        for (int page = 1; page <= 4; page++) lines.listed(new ListAllMessages.Progress(page * 250, page, Optional.empty()));
        lines.listed(new ListAllMessages.Progress(1000, 4, Optional.of(Instant.parse("2026-11-25T10:01:00Z"))));
        lines.done(1200);

        assertThat(text.toString()).doesNotContain("\r").isEqualTo("""
                listed 500 message(s), 2 page(s)
                listed 1000 message(s), 4 page(s)
                listed 1000 message(s), waiting for Gmail's quota until 2026-11-25T10:01:00Z
                exported 1200 message(s), done
                """);
    }
}
