package dev.gmailserverauth.web;

/** The request itself is wrong (400); the message is safe to show and says what to fix. */
final class BadInput extends Failure {
    BadInput(String reason) {
        super(reason);
    }
}
