package dev.gmailserverauth.web;

import dev.gmailserverauth.domain.model.ConsentReason;

/** What each reason for (re)consent means to the person, in plain words. */
final class ConsentReasons {
    private ConsentReasons() {
    }

    static String heading(ConsentReason reason) {
        return switch (reason) {
            case ACCESS_DENIED -> "You declined access";
            case INSUFFICIENT_SCOPE -> "Gmail access was not granted";
            case NO_REFRESH_TOKEN -> "Offline access is needed";
            case CREDENTIALS_REVOKED -> "Access was revoked";
            case NOT_AUTHORIZED -> "Access is needed";
            case CODE_EXCHANGE_FAILED -> "Sign-in did not complete";
            case NO_USER_ID -> "Google did not say who you are";
        };
    }

    static String explain(ConsentReason reason) {
        return switch (reason) {
            case ACCESS_DENIED -> "You chose not to let this app read your mail on Google's consent screen. "
                    + "Nothing was stored. If that was a mistake, you can try again.";
            case INSUFFICIENT_SCOPE -> "The box allowing this app to read your Gmail messages was left unticked, "
                    + "so it cannot show your mail. Please go through the consent screen again and tick it.";
            case NO_REFRESH_TOKEN -> "Google did not grant offline access, which this app needs to read your mail "
                    + "while you are away. Please go through the consent screen again.";
            case CREDENTIALS_REVOKED -> "This app's access to your mailbox was revoked or has expired. "
                    + "Please grant it again to keep reading your mail.";
            case NOT_AUTHORIZED -> "This app has no access to your mailbox yet. Please grant it on Google's consent screen.";
            case CODE_EXCHANGE_FAILED -> "Google did not accept the sign-in response (it may have expired or been used already). "
                    + "Please try again.";
            case NO_USER_ID -> "Google did not tell this app which account you signed in with. Please try again.";
        };
    }
}
