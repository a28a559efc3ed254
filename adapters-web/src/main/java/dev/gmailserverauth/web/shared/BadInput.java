package dev.gmailserverauth.web.shared;

/** The request itself is wrong (400); the message is safe to show and says what to fix. */
public final class BadInput extends Failure {
    public BadInput(String reason) {
        super(reason);
    }

    @Override
    public void answer(Answers answers) {
        answers.badInput(this);
    }
}
