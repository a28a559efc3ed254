package dev.gmailserverauth.bootstrap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A careful parser of Prometheus' text exposition format (version 0.0.4), for tests: every line must be
 * a {@code # HELP}, a {@code # TYPE} or a sample {@code name{label="value",...} number}, or the parse
 * fails. (No Java parser of the format ships with the Prometheus client.)
 */
record PrometheusText(Map<String, String> types, List<Sample> samples) {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{(.*)})?\\s+(\\S+)(\\s+-?\\d+)?");
    private static final Pattern LABEL = Pattern.compile("\\s*([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"\\s*(,|$)");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");

    record Sample(String name, Map<String, String> labels, double value) {
    }

    static PrometheusText parse(String body) {
        Map<String, String> types = new LinkedHashMap<>();
        List<Sample> samples = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.isBlank() || line.startsWith("# HELP ")) continue;
            if (line.startsWith("#")) {
                Matcher type = TYPE.matcher(line);
                if (!type.matches()) throw new IllegalArgumentException("not a TYPE line: " + line);
                types.put(type.group(1), type.group(2));
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches()) throw new IllegalArgumentException("not a sample line: " + line);
            samples.add(new Sample(sample.group(1), labels(sample.group(3), line), value(sample.group(4), line)));
        }
        return new PrometheusText(types, samples);
    }

    /** Samples of this name whose labels include every given pair. */
    List<Sample> find(String name, String... labelPairs) {
        return samples.stream().filter(s -> s.name().equals(name)).filter(s -> {
            for (int i = 0; i < labelPairs.length; i += 2) {
                if (!labelPairs[i + 1].equals(s.labels().get(labelPairs[i]))) return false;
            }
            return true;
        }).toList();
    }

    Optional<Double> value(String name, String... labelPairs) {
        return find(name, labelPairs).stream().map(Sample::value).reduce(Double::sum);
    }

    private static Map<String, String> labels(String text, String line) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (text == null || text.isBlank()) return labels;
        Matcher label = LABEL.matcher(text);
        int at = 0;
        while (at < text.length()) {
            if (!label.find(at) || label.start() != at) throw new IllegalArgumentException("bad labels in: " + line);
            labels.put(label.group(1), label.group(2).replace("\\\"", "\"").replace("\\n", "\n").replace("\\\\", "\\"));
            at = label.end();
        }
        return labels;
    }

    private static double value(String text, String line) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> {
                try {
                    yield Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("bad value in: " + line, e);
                }
            }
        };
    }
}
