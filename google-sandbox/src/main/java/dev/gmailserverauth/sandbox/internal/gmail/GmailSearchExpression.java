package dev.gmailserverauth.sandbox.internal.gmail;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A practical subset of Gmail's search syntax: operators (from:, to:, cc:, bcc:, subject:, label:, in:, is:,
 * has:attachment, filename:, after:, before:, older_than:, newer_than:, larger:, smaller:, category:,
 * rfc822msgid:), bare words, "quoted phrases", OR, {a b}, (grouping) and leading - negation.
 */
final class GmailSearchExpression {
    /** Gmail reads after:/before: dates as midnight Pacific time. */
    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
    private static final Map<String, String> CATEGORIES = Map.of("primary", "CATEGORY_PERSONAL", "personal", "CATEGORY_PERSONAL",
            "social", "CATEGORY_SOCIAL", "promotions", "CATEGORY_PROMOTIONS", "updates", "CATEGORY_UPDATES", "forums", "CATEGORY_FORUMS");

    /** Sandbox bounds (Google publishes none) that keep one query from costing seconds or the stack. */
    static final int MAX_TOKENS = 1000;
    static final int MAX_NESTING = 64;
    private static final Set<String> OPERATORS = Set.of("from", "to", "cc", "bcc", "subject", "label", "in", "is", "has",
            "filename", "after", "before", "newer_than", "older_than", "larger", "smaller", "category", "rfc822msgid");

    /** What a matcher needs to know about the mailbox it searches. */
    public interface Context {
        Instant now();

        String ownerEmail();

        /** Label ids whose name (label: form) or id matches. */
        List<String> labelIdsNamed(String name);
    }

    private final Predicate<StoredMessage> predicate;
    private final boolean reachesSpamOrTrash;

    private GmailSearchExpression(Predicate<StoredMessage> predicate, boolean reachesSpamOrTrash) {
        this.predicate = predicate;
        this.reachesSpamOrTrash = reachesSpamOrTrash;
    }

    /**
     * Parses a query.
     *
     * @throws InvalidQueryException for a query Gmail answers 400 to (numbers out of range, bad dates, too
     *         many terms or too deep a nesting); the parser never fails otherwise
     */
    public static GmailSearchExpression parse(String q, Context context) {
        List<Token> tokens = tokenize(q);
        if (tokens.size() > MAX_TOKENS) throw new InvalidQueryException("Query has more than " + MAX_TOKENS + " terms");
        Parser parser = new Parser(tokens, context);
        Predicate<StoredMessage> p = parser.parseAll();
        return new GmailSearchExpression(p, parser.reachesSpamOrTrash);
    }

    public boolean matches(StoredMessage message) {
        return predicate.test(message);
    }

    /** True when the query itself asks for SPAM or TRASH (in:spam, in:trash, in:anywhere, label:spam...). */
    public boolean reachesSpamOrTrash() {
        return reachesSpamOrTrash;
    }

    // ---- tokenizer -------------------------------------------------------------------------------------------

    private record Token(String text, boolean quoted) {}

    private static List<Token> tokenize(String q) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < q.length()) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if ("(){}".indexOf(c) >= 0 || (c == '-' && i + 1 < q.length() && !Character.isWhitespace(q.charAt(i + 1)))) {
                tokens.add(new Token(String.valueOf(c), false));
                i++;
            } else if (c == '"') {
                int end = q.indexOf('"', i + 1);
                if (end < 0) end = q.length();
                tokens.add(new Token(q.substring(i + 1, end), true));
                i = end + 1;
            } else {
                int start = i;
                while (i < q.length() && !Character.isWhitespace(q.charAt(i)) && "(){}\"".indexOf(q.charAt(i)) < 0) i++;
                String word = q.substring(start, i);
                if (word.endsWith(":") && i < q.length() && (q.charAt(i) == '"' || q.charAt(i) == '(')) {
                    char open = q.charAt(i);
                    int end = q.indexOf(open == '"' ? '"' : ')', i + 1);
                    if (end < 0) end = q.length();
                    word = word + q.substring(i + 1, end);
                    i = Math.min(q.length(), end + 1);
                }
                tokens.add(new Token(word, false));
            }
        }
        return tokens;
    }

    // ---- parser ----------------------------------------------------------------------------------------------

    private static final class Parser {
        private final List<Token> tokens;
        private final Context context;
        private int pos;
        private int depth;
        boolean reachesSpamOrTrash;

        Parser(List<Token> tokens, Context context) {
            this.tokens = tokens;
            this.context = context;
        }

        Predicate<StoredMessage> parseAll() {
            return parseSequence(Optional.empty());
        }

        /** Terms up to the closer (or the end), all of which must match; an unclosed group ends with the query. */
        private Predicate<StoredMessage> parseSequence(Optional<String> closer) {
            List<Predicate<StoredMessage>> all = new ArrayList<>();
            while (pos < tokens.size() && !closer.filter(this::isPunct).isPresent()) {
                if (isPunct(")") || isPunct("}")) {
                    pos++;  // stray closer: ignore, as Gmail does
                    continue;
                }
                all.add(parseOr());
            }
            if (closer.isPresent() && pos < tokens.size()) pos++;
            return allOf(all);
        }

        private Predicate<StoredMessage> parseOr() {
            List<Predicate<StoredMessage>> any = new ArrayList<>(List.of(parseUnary()));
            while (pos < tokens.size() && isWord("OR") && pos + 1 < tokens.size()) {
                pos++;
                any.add(parseUnary());
            }
            return any.size() == 1 ? any.get(0) : anyOf(any);
        }

        private Predicate<StoredMessage> parseUnary() {
            if (isPunct("-")) {
                pos++;
                return pos < tokens.size() ? nested(() -> parseUnary().negate()) : m -> true;
            }
            if (isPunct("(")) {
                pos++;
                return nested(() -> parseSequence(Optional.of(")")));
            }
            if (isPunct("{")) {
                pos++;
                return nested(this::parseEither);
            }
            if (isWord("AND") && pos + 1 < tokens.size()) pos++;
            Token t = tokens.get(pos++);
            return t.quoted() ? phrase(t.text()) : term(t.text());
        }

        /** {@code {a b c}}: any of them. */
        private Predicate<StoredMessage> parseEither() {
            List<Predicate<StoredMessage>> any = new ArrayList<>();
            while (pos < tokens.size() && !isPunct("}")) any.add(parseUnary());
            if (pos < tokens.size()) pos++;
            return anyOf(any);
        }

        private Predicate<StoredMessage> nested(Supplier<Predicate<StoredMessage>> inner) {
            if (++depth > MAX_NESTING) throw new InvalidQueryException("Query nests more than " + MAX_NESTING + " levels");
            try {
                return inner.get();
            } finally {
                depth--;
            }
        }

        /** Iterates rather than chaining {@code Predicate.and}, so a long query cannot overflow the stack. */
        private static Predicate<StoredMessage> allOf(List<Predicate<StoredMessage>> predicates) {
            List<Predicate<StoredMessage>> all = List.copyOf(predicates);
            return m -> {
                for (Predicate<StoredMessage> p : all) if (!p.test(m)) return false;
                return true;
            };
        }

        private static Predicate<StoredMessage> anyOf(List<Predicate<StoredMessage>> predicates) {
            List<Predicate<StoredMessage>> any = List.copyOf(predicates);
            return m -> {
                for (Predicate<StoredMessage> p : any) if (p.test(m)) return true;
                return false;
            };
        }

        private boolean isPunct(String p) {
            return pos < tokens.size() && !tokens.get(pos).quoted() && tokens.get(pos).text().equals(p);
        }

        private boolean isWord(String w) {
            return pos < tokens.size() && !tokens.get(pos).quoted() && tokens.get(pos).text().equals(w);
        }

        private Predicate<StoredMessage> term(String text) {
            int colon = text.indexOf(':');
            if (colon > 0 && colon < text.length() - 1) {
                String op = text.substring(0, colon).toLowerCase(Locale.ROOT);
                String value = text.substring(colon + 1).trim();
                Optional<Predicate<StoredMessage>> p = operator(op, value);
                if (p.isPresent()) return p.get();
            }
            return word(text);
        }

        /** The predicate of a known operator; empty means "not an operator, search the text". */
        private Optional<Predicate<StoredMessage>> operator(String op, String value) {
            return OPERATORS.contains(op) ? Optional.of(knownOperator(op, value)) : Optional.empty();
        }

        private Predicate<StoredMessage> knownOperator(String op, String value) {
            String v = value.toLowerCase(Locale.ROOT);
            return switch (op) {
                case "from" -> header("From", v.equals("me") ? context.ownerEmail() : v);
                case "to" -> header("To", v.equals("me") ? context.ownerEmail() : v);
                case "cc" -> header("Cc", v);
                case "bcc" -> header("Bcc", v);
                case "subject" -> {
                    List<String> words = List.of(v.split("\\s+"));
                    yield m -> {
                        String s = m.header("Subject").orElse("").toLowerCase(Locale.ROOT);
                        return words.stream().allMatch(s::contains);
                    };
                }
                case "label" -> label(v);
                case "in" -> in(v);
                case "is" -> is(v);
                case "has" -> v.equals("attachment") ? StoredMessage::hasAttachment : m -> false;
                case "filename" -> m -> m.attachmentNames().stream().map(n -> n.toLowerCase(Locale.ROOT))
                        .anyMatch(n -> n.equals(v) || n.endsWith("." + v) || n.contains(v));
                case "after" -> {
                    Instant t = instant(value);
                    yield m -> !m.internalDate().isBefore(t);
                }
                case "before" -> {
                    Instant t = instant(value);
                    yield m -> m.internalDate().isBefore(t);
                }
                case "newer_than" -> {
                    Instant t = ago(v);
                    yield m -> m.internalDate().isAfter(t);
                }
                case "older_than" -> {
                    Instant t = ago(v);
                    yield m -> m.internalDate().isBefore(t);
                }
                case "larger" -> {
                    long size = size(v);
                    yield m -> m.sizeEstimate() > size;
                }
                case "smaller" -> {
                    long size = size(v);
                    yield m -> m.sizeEstimate() < size;
                }
                case "category" -> {
                    Optional<String> id = Optional.ofNullable(CATEGORIES.get(v));
                    yield m -> id.filter(m::hasLabel).isPresent();
                }
                case "rfc822msgid" -> m -> m.header("Message-ID").orElse("").toLowerCase(Locale.ROOT).contains(v);
                default -> throw new IllegalStateException("operator without a rule: " + op);
            };
        }

        private Predicate<StoredMessage> label(String name) {
            String normalized = name.replace(' ', '-').replace('/', '-');
            if (normalized.equals("spam") || normalized.equals("trash")) reachesSpamOrTrash = true;
            List<String> ids = context.labelIdsNamed(normalized);
            return m -> ids.stream().anyMatch(m::hasLabel);
        }

        private Predicate<StoredMessage> in(String v) {
            return switch (v) {
                case "anywhere" -> {
                    reachesSpamOrTrash = true;
                    yield m -> true;
                }
                case "drafts" -> label("draft");
                case "chats" -> label("chat");
                default -> label(v);
            };
        }

        private Predicate<StoredMessage> is(String v) {
            return switch (v) {
                case "unread" -> m -> m.hasLabel("UNREAD");
                case "read" -> m -> !m.hasLabel("UNREAD");
                case "starred" -> m -> m.hasLabel("STARRED");
                case "important" -> m -> m.hasLabel("IMPORTANT");
                default -> m -> false;
            };
        }

        private static Predicate<StoredMessage> header(String name, String needle) {
            return m -> m.header(name).orElse("").toLowerCase(Locale.ROOT).contains(needle);
        }

        private static Predicate<StoredMessage> word(String text) {
            Pattern p = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(text.toLowerCase(Locale.ROOT)) + "(?![\\p{L}\\p{N}])");
            return m -> p.matcher(m.searchableText()).find();
        }

        private static Predicate<StoredMessage> phrase(String text) {
            String normalized = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
            if (normalized.isEmpty()) return m -> true;
            return m -> m.searchableText().replaceAll("\\s+", " ").contains(normalized);
        }

        /** {@code yyyy/mm/dd} (or with dashes) at midnight Pacific, or epoch seconds. */
        private static Instant instant(String value) {
            try {
                if (value.matches("\\d{9,}")) return Instant.ofEpochSecond(number(value));
                String[] p = value.split("[/-]");
                if (p.length != 3) throw new InvalidQueryException("Invalid date in query: " + value);
                return LocalDate.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2])).atStartOfDay(PACIFIC).toInstant();
            } catch (NumberFormatException | DateTimeException e) {
                throw new InvalidQueryException("Invalid date in query: " + value);
            }
        }

        /** Now minus {@code 7d}, {@code 2m} (30 days each) or {@code 1y} (365 days each). */
        private Instant ago(String v) {
            if (!v.matches("\\d+[dmy]")) throw new InvalidQueryException("Invalid relative date in query: " + v);
            try {
                long n = number(v.substring(0, v.length() - 1));
                long days = switch (v.charAt(v.length() - 1)) {
                    case 'd' -> n;
                    case 'm' -> Math.multiplyExact(n, 30L);
                    default -> Math.multiplyExact(n, 365L);
                };
                return context.now().minus(Duration.ofDays(days));
            } catch (ArithmeticException | DateTimeException e) {
                throw new InvalidQueryException("Relative date out of range in query: " + v);
            }
        }

        /** Bytes, or {@code k}/{@code m} (KiB, MiB). */
        private static long size(String v) {
            if (!v.matches("\\d+[km]?")) throw new InvalidQueryException("Invalid size in query: " + v);
            long unit = v.endsWith("k") ? 1024L : v.endsWith("m") ? 1024L * 1024 : 1L;
            try {
                return Math.multiplyExact(number(v.replaceAll("[km]", "")), unit);
            } catch (ArithmeticException e) {
                throw new InvalidQueryException("Size out of range in query: " + v);
            }
        }

        /** A decimal number that fits a long, else a query Gmail refuses. */
        private static long number(String digits) {
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw new InvalidQueryException("Number out of range in query: " + digits);
            }
        }
    }

    /** A query Gmail would reject (400). */
    public static final class InvalidQueryException extends RuntimeException {
        public InvalidQueryException(String message) {
            super(message);
        }
    }
}
