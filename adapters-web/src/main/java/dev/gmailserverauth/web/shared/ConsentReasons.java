package dev.gmailserverauth.web.shared;

import dev.gmailserverauth.domain.model.AuthorizationOutcome.ConsentRequired;
import dev.gmailserverauth.domain.model.ConsentReason;

/** What each reason for (re)consent means to the person, in plain words. */
public final class ConsentReasons {
    private ConsentReasons() {
    }

    /** The page that explains the reason and links to the way back through consent. */
    public static ConsentPage page(Chrome chrome, ConsentRequired consent) {
        return new ConsentPage(chrome, heading(consent.reason()), consent.reason().name(), explain(consent.reason()), Links.reconsent(consent));
    }

    /**
     * Whether a page that finds the grant ended says why before sending the browser to Google: when the
     * grant ended through no action of the person's (their time-limited access ran out, their organization
     * wants a new sign-in), Google's screen out of the blue would puzzle them. Otherwise the page goes
     * straight back through consent.
     */
    public static boolean explainFirst(ConsentReason reason) {
        return reason == ConsentReason.TIME_LIMITED_ACCESS_ENDED || reason == ConsentReason.REAUTHENTICATION_REQUIRED;
    }

    public static String heading(ConsentReason reason) {
        return switch (reason) {
            case ACCESS_DENIED -> "You declined access";
            case INSUFFICIENT_SCOPE -> "Gmail access was not granted";
            case NO_REFRESH_TOKEN -> "Offline access is needed";
            case CREDENTIALS_REVOKED -> "Access was revoked";
            case NOT_AUTHORIZED -> "Access is needed";
            case CODE_EXCHANGE_FAILED -> "Sign-in did not complete";
            case NO_USER_ID -> "Google did not say who you are";
            case TIME_LIMITED_ACCESS_ENDED -> "Your time-limited access has ended";
            case REAUTHENTICATION_REQUIRED -> "Your organization asks you to sign in again";
            case INVALID_SCOPE -> "Google refused the requested access";
            case UNAUTHORIZED_CLIENT -> "This app may not sign you in this way";
            case SERVER_ERROR -> "Google had a problem";
            case TEMPORARILY_UNAVAILABLE -> "Google is busy right now";
            case LOGIN_REQUIRED -> "You are not signed in to Google";
            case CONSENT_REQUIRED -> "Google needs your consent";
            case INTERACTION_REQUIRED -> "Google needs you to confirm something";
            case AUTHORIZATION_ERROR -> "Google could not complete the sign-in";
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
            case TIME_LIMITED_ACCESS_ENDED -> "You gave this app access for a limited time, and that time is over (apps Google still"
                    + " tests get 7 days). Nothing was refreshed after the end. Grant access again to keep reading your mail.";
            case REAUTHENTICATION_REQUIRED -> "Your organization's Google Workspace policy asks you to sign in to Google again every"
                    + " so often. Your access has not been revoked: sign in once more and the app keeps working.";
            case INVALID_SCOPE -> "Google did not accept one of the permissions this app asks for (invalid_scope). It may not be"
                    + " enabled for this app, or your administrator does not allow it. Try again, or ask the app's operator.";
            case UNAUTHORIZED_CLIENT -> "Google says this app is not allowed to request access this way (unauthorized_client). This is"
                    + " a setting of the app at Google, not something you did; the app's operator needs to fix it.";
            case SERVER_ERROR -> "Google ran into an error while handling the sign-in (server_error). Nothing was stored. Please try again.";
            case TEMPORARILY_UNAVAILABLE -> "Google could not handle the sign-in just now (temporarily_unavailable). Please try again"
                    + " in a few minutes.";
            case LOGIN_REQUIRED -> "Google needs you to sign in before it can grant access (login_required). Continue to Google and sign in.";
            case CONSENT_REQUIRED -> "Google needs to show you its consent screen first (consent_required). Continue to Google to choose.";
            case INTERACTION_REQUIRED -> "Google needs you to confirm something on its pages first (interaction_required),"
                    + " for example which account to use. Continue to Google.";
            case AUTHORIZATION_ERROR -> "Google answered the sign-in with an error. Nothing was stored. Please try again.";
        };
    }
}
