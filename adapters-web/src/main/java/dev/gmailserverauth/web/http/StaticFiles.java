package dev.gmailserverauth.web.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The files under {@code /static/} (the stylesheet, the live pages' script and the script that sizes the mail frame), read from the classpath once and served from memory, one route
 * each, with an {@code ETag} (a {@code 304} when the browser has it) and an hour of caching. Not Javalin's classpath
 * static files: Jetty serves those by mounting the whole jar as a zip file system, which reads the jar's directory of
 * some 17,000 entries on the path to the server's first answer and keeps it on the heap (decision 0046). A path under
 * {@code /static/} that names no file here is a 404 like any unknown path.
 */
public final class StaticFiles {
    /** Each file served, by name under {@code /static/}, with its content type. */
    private static final List<File> FILES = List.of(new File("app.css", "text/css;charset=utf-8"),
            new File("live.js", "text/javascript;charset=utf-8"), new File("mail-frame.js", "text/javascript;charset=utf-8"));
    private static final String CACHE_CONTROL = "public, max-age=3600";

    private record File(String name, String contentType) {
        File {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(contentType, "contentType");
        }
    }

    /** A file's bytes and the validator browsers send back in {@code If-None-Match}. */
    private record Loaded(File file, byte[] body, String etag) {
    }

    private StaticFiles() {
    }

    public static void register(RoutesConfig routes) {
        for (File file : FILES) {
            Loaded loaded = load(file);
            routes.get("/static/" + file.name(), ctx -> serve(ctx, loaded));
        }
    }

    private static void serve(Context ctx, Loaded loaded) {
        ctx.header("Cache-Control", CACHE_CONTROL);
        ctx.header("ETag", loaded.etag());
        String known = ctx.header("If-None-Match");
        if (known != null && matches(known, loaded.etag())) {
            ctx.status(304);
            return;
        }
        ctx.contentType(loaded.file().contentType()).result(loaded.body());
    }

    /** RFC 9110 13.1.2: a list of entity tags, or {@code *}; compared weakly, as a GET may. */
    private static boolean matches(String ifNoneMatch, String etag) {
        return Arrays.stream(ifNoneMatch.split(",")).map(String::strip).map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
    }

    private static Loaded load(File file) {
        String resource = "/static/" + file.name();
        try (InputStream in = StaticFiles.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " is missing from the classpath");
            byte[] body = in.readAllBytes();
            return new Loaded(file, body, "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 12) + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
