package dev.gmailserverauth.planted.web.shared;

/** Planted: a shared piece of the web adapter, which every feature may use. */
public class SharedFormat {
    public String format(String text) {
        return text.strip();
    }
}
