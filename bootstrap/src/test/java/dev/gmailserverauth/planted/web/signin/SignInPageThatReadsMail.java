package dev.gmailserverauth.planted.web.signin;

import dev.gmailserverauth.planted.web.mail.MailListing;

/** Planted violation: the sign-in feature reaching into the mail feature instead of through the shared part. */
public class SignInPageThatReadsMail {
    public String landing() {
        return new MailListing().first();
    }
}
