package dev.gmailserverauth.web.sanitizer;

import java.util.function.IntFunction;

/**
 * Crafted HTML that makes naive parsers backtrack or nest without end, each built for a size {@code n}:
 * the corpus of the linear-time test and of the benchmark. {@code standardSize} is the size the hostile-mail
 * report used (or one of the same order).
 */
public enum HostileHtml {
    UNCLOSED_LT("\"<\" × n", 40_000, n -> "<".repeat(n)),
    UNCLOSED_COMMENT("\"<!--\" × n", 10_000, n -> "<!--".repeat(n)),
    UNCLOSED_SCRIPT("\"<script \" × n", 10_000, n -> "<script ".repeat(n)),
    NESTED_DIVS("\"<div>\" × n (nested)", 10_000, n -> "<div>".repeat(n)),
    NESTED_FORMATTING("\"<b id=i>x\" × n (active formatting elements)", 10_000, HostileHtml::formatting),
    MISNESTED_LINKS("\"<a href=…>x\" × n (adoption agency)", 10_000, n -> "<a href=\"https://x.example/\">x".repeat(n)),
    NESTED_TABLES("\"<table><tr><td>\" × n", 10_000, n -> "<table><tr><td>".repeat(n)),
    UNCLOSED_STYLE_BLOCKS("\"<style>\" + \"{\" × n", 100_000, n -> "<style>" + "a{".repeat(n) + "</style>"),
    UNCLOSED_STYLE_ATTRIBUTE("style=\"a:b(\" × n", 40_000, n -> "<p style=\"" + "a:b(".repeat(n) + "\">x</p>"),
    LARGE_NEWSLETTER("a styled paragraph with a link × n (1 MB; 2 MB doubled)", 10_000, HostileHtml::newsletter);

    private final String description;
    private final int standardSize;
    private final IntFunction<String> build;

    HostileHtml(String description, int standardSize, IntFunction<String> build) {
        this.description = description;
        this.standardSize = standardSize;
        this.build = build;
    }

    public String description() {
        return description;
    }

    public int standardSize() {
        return standardSize;
    }

    public String html(int n) {
        return build.apply(n);
    }

    private static String formatting(int n) {
        StringBuilder html = new StringBuilder();
        for (int i = 0; i < n; i++) html.append("<b id=").append(i).append(">x");
        return html.toString();
    }

    private static String newsletter(int n) {
        return "<p style=\"color:#333;margin:0 0 8px\">Hello <b>reader</b>, see <a href=\"https://shop.example/\">our shop</a>.</p>".repeat(n);
    }
}
