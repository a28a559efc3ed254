package dev.gmailserverauth.bootstrap;

import dev.gmailserverauth.application.ListAllMessages;
import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;

/**
 * How far a long command got: a bar redrawn in place on a terminal, or a plain line now and then when
 * the output goes to a file or a pipe (where a carriage return would only make a mess).
 */
abstract class ExportProgress {
    private static final int BAR_WIDTH = 30;
    private static final int LINE_EVERY = 500;

    protected final PrintWriter out;
    protected final int expectedAtMost;

    private ExportProgress(PrintWriter out, int expectedAtMost) {
        this.out = out;
        this.expectedAtMost = Math.max(1, expectedAtMost);
    }

    static ExportProgress to(PrintWriter out, boolean terminal, int expectedAtMost) {
        return terminal ? new Bar(out, expectedAtMost) : new Lines(out, expectedAtMost);
    }

    abstract void update(int done, String note);

    /** What {@code ListAllMessages} reports after every page and before every wait for Gmail's limits. */
    void listed(ListAllMessages.Progress progress) {
        update(progress.messages(), progress.waitingUntil()
                .map(until -> "waiting for Gmail's quota until " + until.truncatedTo(ChronoUnit.SECONDS))
                .orElse(progress.pages() + " page(s)"));
    }

    abstract void done(int total);

    /** {@code [#########.....................] 312 (at most 1000) 2 page(s)}, redrawn in place. */
    static final class Bar extends ExportProgress {
        Bar(PrintWriter out, int expectedAtMost) {
            super(out, expectedAtMost);
        }

        @Override
        void update(int done, String note) {
            int filled = (int) ((long) Math.min(done, expectedAtMost) * BAR_WIDTH / expectedAtMost);
            out.print("\r[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] " + done + " (at most " + expectedAtMost + ") " + note + "\u001b[K");
            out.flush();
        }

        @Override
        void done(int total) {
            out.print("\r[" + "#".repeat(BAR_WIDTH) + "] " + total + " message(s)\u001b[K\n");
            out.flush();
        }
    }

    /** A line every {@value #LINE_EVERY} messages and at every wait, then the total. */
    static final class Lines extends ExportProgress {
        private int lastLine;

        Lines(PrintWriter out, int expectedAtMost) {
            super(out, expectedAtMost);
        }

        @Override
        void update(int done, String note) {
            boolean waiting = note.startsWith("waiting");
            if (waiting || done - lastLine >= LINE_EVERY) {
                lastLine = done;
                out.println("listed " + done + " message(s), " + note);
                out.flush();
            }
        }

        @Override
        void done(int total) {
            out.println("exported " + total + " message(s), done");
            out.flush();
        }
    }
}
