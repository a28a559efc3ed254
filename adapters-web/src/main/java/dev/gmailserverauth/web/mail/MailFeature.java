package dev.gmailserverauth.web.mail;

import dev.gmailserverauth.web.shared.PageRenderer;
import dev.gmailserverauth.web.shared.Sessions;
import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.time.Duration;

/**
 * Reading mail: the message list, messages, conversations, their frames and files, as pages and as the
 * JSON API. Each route class gets only the use cases it calls.
 */
public final class MailFeature {
    /** At most this many sidebars load at once; the page waits this long after its main call for its sidebar. */
    private static final int SIDEBAR_THREADS = 16;
    private static final Duration SIDEBAR_PATIENCE = Duration.ofMillis(750);

    private MailFeature() {
    }

    public static void register(RoutesConfig routes, MailUseCases useCases, Sessions sessions, PageRenderer pages, int pageSize, Clock clock) {
        Grants grants = new Grants(useCases.access(), sessions);
        Sidebar sidebar = Sidebar.withOwnThreads(SIDEBAR_THREADS, SIDEBAR_PATIENCE);
        new MailPages(useCases.listMessages(), useCases.listLabels(), useCases.getMessage(), grants, pages, sidebar, pageSize, clock).register(routes);
        new ThreadPages(useCases.getThread(), useCases.listLabels(), grants, pages, sidebar).register(routes);
        new MessageFrames(useCases.getMessage(), grants).register(routes);
        new AttachmentRoutes(useCases.getAttachment(), grants).register(routes);
        new MailApi(useCases.listMessages(), useCases.getMessage(), useCases.listThreads(), useCases.getThread(), useCases.listLabels(),
                grants, sidebar).register(routes);
    }
}
