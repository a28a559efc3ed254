package dev.gmailserverauth.web.shared;

import java.util.Objects;

/** Why the person has to go (back) through Google's consent screen, and the link to it. */
public record ConsentPage(Chrome chrome, String heading, String reasonCode, String explanation, String consentUrl) {
    public ConsentPage {
        Objects.requireNonNull(chrome, "chrome");
        Objects.requireNonNull(heading, "heading");
        Objects.requireNonNull(reasonCode, "reasonCode");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(consentUrl, "consentUrl");
    }
}
