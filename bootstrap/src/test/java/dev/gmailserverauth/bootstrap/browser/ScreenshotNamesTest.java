package dev.gmailserverauth.bootstrap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The browser tests' screenshots are read in the order of their numbers ({@code 05-message}, {@code 20-conversation}): no two
 * share a number, so a new one cannot hide beside another in a listing of {@code target/screenshots}.
 */
class ScreenshotNamesTest {
    private static final Pattern SCREENSHOT = Pattern.compile("screenshot\\(\"(\\d+)-([a-z0-9-]+)\"\\)");
    private static final Path TESTS = Path.of("src", "test", "java");

    @Test
    void everyScreenshotHasANumberOfItsOwn() throws IOException {
        Map<String, List<String>> byNumber = new TreeMap<>();
        try (Stream<Path> files = Files.walk(TESTS)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher matcher = SCREENSHOT.matcher(Files.readString(file));
                while (matcher.find()) {
                    byNumber.computeIfAbsent(matcher.group(1), number -> new ArrayList<>()).add(matcher.group(1) + "-" + matcher.group(2));
                }
            }
        }
        assertThat(byNumber).as("screenshots found in the browser tests").hasSizeGreaterThan(20);
        assertThat(byNumber.values()).as("screenshots sharing a number").allSatisfy(names -> assertThat(names).hasSize(1));
    }
}
