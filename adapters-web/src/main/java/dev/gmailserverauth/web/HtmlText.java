package dev.gmailserverauth.web;

import dev.gmailserverauth.web.mail.MailText;

/**
 * Turns an HTML mail body into plain text for display, with jsoup ({@link MailText}): linear in the size
 * of the mail. Nothing of the HTML survives as markup: the result is rendered escaped.
 */
final class HtmlText {
    private HtmlText() {
    }

    static String toText(String html) {
        return MailText.fromHtml(html);
    }
}
