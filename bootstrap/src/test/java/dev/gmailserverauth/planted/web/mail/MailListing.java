package dev.gmailserverauth.planted.web.mail;

import dev.gmailserverauth.planted.web.shared.SharedFormat;

/** Planted: a class of the mail feature, using the shared part (allowed). */
public class MailListing {
    public String first() {
        return new SharedFormat().format(" subject ");
    }
}
