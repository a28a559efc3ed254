package dev.gmailserverauth.web.sanitizer;

/**
 * A URL attribute's value as a browser reads it before it looks at the scheme (the WHATWG URL
 * standard's first steps): every tab and line break removed wherever it is, then leading and trailing
 * C0 control characters and spaces stripped. {@code " jav&#x09;ascript:"} is {@code javascript:} to a
 * browser, so it must be to the sanitizer.
 */
final class Urls {
    private Urls() {
    }

    static String asBrowsersRead(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\t' && c != '\n' && c != '\r') out.append(c);
        }
        int start = 0;
        int end = out.length();
        while (start < end && out.charAt(start) <= ' ') start++;
        while (end > start && out.charAt(end - 1) <= ' ') end--;
        return out.substring(start, end);
    }
}
