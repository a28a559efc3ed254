package dev.gmailserverauth.web.sanitizer;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.htmlunit.cssparser.dom.AbstractCSSRuleImpl;
import org.htmlunit.cssparser.dom.AbstractColor;
import org.htmlunit.cssparser.dom.CSSMediaRuleImpl;
import org.htmlunit.cssparser.dom.CSSStyleDeclarationImpl;
import org.htmlunit.cssparser.dom.CSSStyleRuleImpl;
import org.htmlunit.cssparser.dom.CSSStyleSheetImpl;
import org.htmlunit.cssparser.dom.CSSValueImpl;
import org.htmlunit.cssparser.dom.Property;
import org.htmlunit.cssparser.parser.CSSErrorHandler;
import org.htmlunit.cssparser.parser.CSSOMParser;
import org.htmlunit.cssparser.parser.CSSParseException;
import org.htmlunit.cssparser.parser.InputSource;
import org.htmlunit.cssparser.parser.LexicalUnit;

/**
 * Mail CSS, parsed by HtmlUnit's CSS parser and written back with only what is safe: style rules and
 * {@code @media} blocks whose declarations name a presentational property, with values made of
 * keywords, numbers, colours, strings and a few pure functions ({@code rgb()}, {@code calc()},
 * gradients). Anything that loads or runs something goes: {@code @import}, {@code @font-face},
 * {@code expression()}, {@code var()}, {@code attr()}, {@code image-set()}, {@code behavior},
 * {@code -moz-binding}, and every {@code url()} except an {@code https:} one when the reader allowed
 * remote content. Each {@code url()} left out is counted as blocked remote content.
 */
final class CssSanitizer {
    private static final Set<String> PROPERTIES = Set.of(
            "color", "background", "background-color", "background-image", "background-position", "background-repeat", "background-size",
            "border", "border-top", "border-right", "border-bottom", "border-left", "border-color", "border-style", "border-width",
            "border-top-color", "border-right-color", "border-bottom-color", "border-left-color",
            "border-top-style", "border-right-style", "border-bottom-style", "border-left-style",
            "border-top-width", "border-right-width", "border-bottom-width", "border-left-width",
            "border-radius", "border-top-left-radius", "border-top-right-radius", "border-bottom-left-radius", "border-bottom-right-radius",
            "border-collapse", "border-spacing", "box-sizing", "caption-side", "clear", "display", "empty-cells", "float",
            "font", "font-family", "font-size", "font-style", "font-variant", "font-weight",
            "height", "max-height", "min-height", "width", "max-width", "min-width",
            "letter-spacing", "line-height", "list-style", "list-style-position", "list-style-type",
            "margin", "margin-top", "margin-right", "margin-bottom", "margin-left",
            "padding", "padding-top", "padding-right", "padding-bottom", "padding-left",
            "opacity", "outline", "overflow", "overflow-x", "overflow-y", "overflow-wrap", "table-layout",
            "text-align", "text-decoration", "text-indent", "text-transform", "text-overflow",
            "vertical-align", "visibility", "white-space", "word-break", "word-spacing", "word-wrap", "direction", "unicode-bidi",
            "mso-line-height-rule", "mso-table-lspace", "mso-table-rspace");
    private static final Set<String> PURE_FUNCTIONS = Set.of(
            "rgb", "rgba", "hsl", "hsla", "hwb", "lab", "lch", "calc", "min", "max", "clamp",
            "linear-gradient", "radial-gradient", "repeating-linear-gradient", "repeating-radial-gradient");
    private static final CSSErrorHandler IGNORE_ERRORS = new CSSErrorHandler() {
        @Override public void warning(CSSParseException exception) {
        }

        @Override public void error(CSSParseException exception) {
        }

        @Override public void fatalError(CSSParseException exception) {
        }
    };

    private final boolean remoteAllowed;
    private int blocked;

    CssSanitizer(boolean remoteAllowed) {
        this.remoteAllowed = remoteAllowed;
    }

    /** How many {@code url()} values were left out so far. */
    int blocked() {
        return blocked;
    }

    /** A {@code <style>} element's text, safe to put back into a {@code <style>} element (never holds {@code <}). */
    String sheet(String css) {
        CSSStyleSheetImpl sheet;
        try {
            sheet = parser().parseStyleSheet(new InputSource(new StringReader(css)), null);
        } catch (IOException | RuntimeException unparsable) {
            return "";
        }
        if (sheet == null) return "";
        List<String> kept = new ArrayList<>();
        for (AbstractCSSRuleImpl rule : sheet.getCssRules().getRules()) keep(rule).ifPresent(kept::add);
        return String.join("\n", kept);
    }

    /** A {@code style} attribute's value, or {@code ""} when nothing in it is safe. */
    String declarations(String css) {
        try {
            CSSStyleDeclarationImpl declaration = parser().parseStyleDeclaration(css);
            return declaration == null ? "" : filtered(declaration).getCssText();
        } catch (IOException | RuntimeException unparsable) {
            return "";
        }
    }

    private Optional<String> keep(AbstractCSSRuleImpl rule) {
        String text;
        if (rule instanceof CSSStyleRuleImpl style) {
            CSSStyleDeclarationImpl declarations = filtered(style.getStyle());
            if (declarations.getLength() == 0) return Optional.empty();
            style.setStyle(declarations);
            text = style.getCssText();
        } else if (rule instanceof CSSMediaRuleImpl media) {
            List<AbstractCSSRuleImpl> children = media.getCssRules().getRules();
            List<AbstractCSSRuleImpl> safe = new ArrayList<>();
            for (AbstractCSSRuleImpl child : children) {
                if (child instanceof CSSStyleRuleImpl && keep(child).isPresent()) safe.add(child);
            }
            if (safe.isEmpty()) return Optional.empty();
            children.clear();
            children.addAll(safe);
            text = media.getCssText();
        } else {
            return Optional.empty();
        }
        return text.indexOf('<') >= 0 ? Optional.empty() : Optional.of(text);
    }

    private CSSStyleDeclarationImpl filtered(CSSStyleDeclarationImpl declarations) {
        CSSStyleDeclarationImpl safe = new CSSStyleDeclarationImpl(declarations.getParentRule());
        for (Property property : declarations.getProperties()) {
            if (PROPERTIES.contains(property.getName().toLowerCase(Locale.ROOT)) && safe(property.getValue())) safe.addProperty(property);
        }
        return safe;
    }

    private boolean safe(CSSValueImpl value) {
        if (value == null) return false;
        Object inner = value.getValue();
        if (inner instanceof List<?> items) {
            for (Object item : items) {
                if (!(item instanceof CSSValueImpl v) || !safe(v)) return false;
            }
            return true;
        }
        if (inner instanceof LexicalUnit unit) return safe(unit);
        return inner instanceof AbstractColor;
    }

    /** A value and everything after and inside it. */
    private boolean safe(LexicalUnit first) {
        for (LexicalUnit unit = first; unit != null; unit = unit.getNextLexicalUnit()) {
            switch (unit.getLexicalUnitType()) {
                case URI -> {
                    if (!remoteAllowed || !isHttps(unit.getStringValue())) {
                        blocked++;
                        return false;
                    }
                }
                case ATTR, COUNTER_FUNCTION, COUNTERS_FUNCTION, UNICODERANGE -> {
                    return false;
                }
                case FUNCTION, FUNCTION_CALC -> {
                    String name = unit.getFunctionName() == null ? "" : unit.getFunctionName().toLowerCase(Locale.ROOT);
                    if (unit.getLexicalUnitType() == LexicalUnit.LexicalUnitType.FUNCTION && !PURE_FUNCTIONS.contains(name)) return false;
                    if (!safe(unit.getParameters())) return false;
                }
                case RGBCOLOR, HSLCOLOR, HWBCOLOR, LABCOLOR, LCHCOLOR, RECT_FUNCTION -> {
                    if (!safe(unit.getParameters())) return false;
                }
                default -> {
                    if (unit.getSubValues() != null && !safe(unit.getSubValues())) return false;
                }
            }
        }
        return true;
    }

    private static boolean isHttps(String url) {
        return url != null && url.strip().toLowerCase(Locale.ROOT).startsWith("https://");
    }

    private static CSSOMParser parser() {
        CSSOMParser parser = new CSSOMParser();
        parser.setErrorHandler(IGNORE_ERRORS);
        return parser;
    }
}
