package dev.gmailserverauth.bootstrap;

import java.io.PrintWriter;

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

    abstract void update(int done);

    abstract void done(int total);

    /** {@code [#########.....................]  312 / 1000} */
    static final class Bar extends ExportProgress {
        Bar(PrintWriter out, int expectedAtMost) {
            super(out, expectedAtMost);
        }

        @Override
        void update(int done) {
            int filled = (int) ((long) Math.min(done, expectedAtMost) * BAR_WIDTH / expectedAtMost);
            out.print("\r[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] " + done + " / " + expectedAtMost);
            out.flush();
        }

        @Override
        void done(int total) {
            out.print("\r[" + "#".repeat(BAR_WIDTH) + "] " + total + " / " + total + "\n");
            out.flush();
        }
    }

    /** {@code exported 500 message(s)} every 500, then the total. */
    static final class Lines extends ExportProgress {
        Lines(PrintWriter out, int expectedAtMost) {
            super(out, expectedAtMost);
        }

        @Override
        void update(int done) {
            if (done % LINE_EVERY == 0) {
                out.println("exported " + done + " message(s)");
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
