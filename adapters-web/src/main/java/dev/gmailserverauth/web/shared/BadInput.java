package dev.gmailserverauth.web.shared;

/** The request itself is wrong (400); the message is safe to show and says what to fix. */
public final class BadInput extends Failure {
    /** The one wording for an address whose id (or escapes) cannot name anything: the person followed a broken link. */
    public static final String MALFORMED_ADDRESS = "This address is malformed: check the link you followed.";

    public BadInput(String reason) {
        super(reason);
    }

    @Override
    public void answer(Answers answers) {
        answers.badInput(this);
    }
}
