package dev.gmailserverauth.bootstrap;

import dev.gmailserverauth.persistence.KeyRotationResult;
import dev.gmailserverauth.persistence.KeyStatus;
import dev.gmailserverauth.persistence.Database;
import dev.gmailserverauth.persistence.crypto.EncryptionKey;
import dev.gmailserverauth.persistence.crypto.Keyring;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code keys status}, {@code keys generate} and {@code keys rotate}. Key material never reaches the
 * terminal: keys are named by their id, and a new key goes to a file only its owner can read.
 */
final class KeysCommands {
    private KeysCommands() {
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = {
            "Which key encrypts, which keys this configuration can read, which keys the database records, and how many",
            "sealed rows each key holds. Keys are shown by id only."})
    static final class Status implements Callable<Integer> {
        private final CommandContext context;
        @Spec
        CommandSpec spec;

        Status(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            KeyStatus status = context.persistence().keyStatus();
            PrintWriter out = spec.commandLine().getOut();
            out.println("key source:     " + status.source());
            out.println("current key:    " + status.currentKeyId() + " (encrypts new values)");
            out.println("readable keys:  " + String.join(", ", status.readableKeyIds()));
            out.println("recorded keys:  " + String.join(", ", status.recordedKeyIds()));
            out.println();
            TextTable table = new TextTable("TABLE", "KEY", "ROWS");
            status.rowsByTable().forEach((name, rows) -> rows.forEach((key, count) -> table.row(name, key, String.valueOf(count))));
            if (table.isEmpty()) out.println("no sealed rows yet");
            else table.print(out);
            out.println();
            int behind = status.rowsUnderOtherKeys();
            out.println(behind == 0 ? "status: every sealed row is under the current key " + status.currentKeyId()
                    : "status: " + behind + " row(s) under keys other than " + status.currentKeyId() + ": a rotation to finish with keys rotate");
            out.flush();
            return CommandLineApp.OK;
        }
    }

    @Command(name = "generate", mixinStandardHelpOptions = true, description = {
            "Writes a new random AES-256 key (base64) to FILE, readable by its owner only, and prints how to roll it out.",
            "The key itself is never printed."})
    static final class Generate implements Callable<Integer> {
        private final CommandContext context;
        @Spec
        CommandSpec spec;
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write the key; must not exist yet")
        Path out;

        Generate(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            EncryptionKey key = EncryptionKey.generate();
            writeKeyFile(out, key);
            PrintWriter print = spec.commandLine().getOut();
            print.println("wrote new key " + key.id() + " to " + out + " (owner read/write only; the key is not shown)");
            print.println();
            Optional<String> configured = context.config().encryptionKey();
            if (configured.isEmpty()) {
                print.println("This configuration uses the key file beside the SQLite database; to move to the new key, run:");
                print.println("  keys rotate --new-key-file " + out);
            } else {
                String current = Keyring.parse(configured.get()).current().id();
                printRollOut(print, "<the key in " + out + ">", key.id(), current);
            }
            print.flush();
            return CommandLineApp.OK;
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true, description = {
            "Re-encrypts every sealed row to one key, online, while the server runs.",
            "With the key file (SQLite, no APP_ENCRYPTION_KEY): moves to a new key, generated or read from --new-key-file, and",
            "updates the key file; the running server picks the new key up by itself.",
            "With APP_ENCRYPTION_KEY=NEW,OLD: re-encrypts every row to NEW, the first key, and says what to configure next",
            "(see keys generate for the whole procedure across instances)."})
    static final class Rotate implements Callable<Integer> {
        private final CommandContext context;
        @Spec
        CommandSpec spec;
        @Option(names = "--new-key-file", paramLabel = "FILE", description = "key-file mode only: the new key (base64) to move to, instead of a generated one")
        Optional<Path> newKeyFile;

        Rotate(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Database persistence = context.persistence();
            KeyStatus before = persistence.keyStatus();
            return before.fromKeyFile() ? rotateKeyFile(persistence, before) : finishConfigured(persistence, before);
        }

        private int rotateKeyFile(Database persistence, KeyStatus before) {
            boolean unfinished = before.rowsUnderOtherKeys() > 0 && newKeyFile.isEmpty();
            KeyRotationResult result = unfinished ? persistence.finishKeyRotation()
                    : persistence.rotateEncryptionKey(newKeyFile.map(KeysCommands::readKeyFile).orElseGet(() -> EncryptionKey.generate().toBase64()));
            PrintWriter out = spec.commandLine().getOut();
            printResult(out, unfinished ? "finished the rotation to key " : "rotated to key ", result);
            if (!result.complete()) return behind(out, result);
            out.println("the key file (" + before.source().replaceFirst("^the key file ", "") + ") now holds key " + result.keyId()
                    + " only. Nothing to configure; a running server takes the new key up when it first meets it.");
            out.println("Back the key file up with the database: backups made before now need the old key.");
            out.flush();
            return CommandLineApp.OK;
        }

        private int finishConfigured(Database persistence, KeyStatus before) {
            if (newKeyFile.isPresent()) {
                throw new IllegalArgumentException("--new-key-file works with the key file only; APP_ENCRYPTION_KEY is set, so put the new key first"
                        + " in it on every instance (see keys generate --help)");
            }
            List<String> recorded = before.recordedKeyIds();
            String newestRecorded = recorded.isEmpty() ? before.currentKeyId() : recorded.get(recorded.size() - 1);
            if (!newestRecorded.equals(before.currentKeyId()) && before.readableKeyIds().contains(newestRecorded)) {
                throw new CommandFailure("APP_ENCRYPTION_KEY starts with key " + before.currentKeyId() + ", but key " + newestRecorded
                        + " was recorded after it: put the new key first (APP_ENCRYPTION_KEY=NEW,OLD) to rotate to it");
            }
            PrintWriter out = spec.commandLine().getOut();
            if (before.rowsUnderOtherKeys() == 0 && before.readableKeyIds().size() == 1) {
                out.println("nothing to rotate: every sealed row is under key " + before.currentKeyId() + ", the only configured key.");
                out.println("To move to a new key: keys generate --out FILE, and follow what it prints.");
                out.flush();
                return CommandLineApp.OK;
            }
            KeyRotationResult result = persistence.finishKeyRotation();
            printResult(out, "re-encrypted to key ", result);
            if (!result.complete()) return behind(out, result);
            out.println("Next: on every instance set APP_ENCRYPTION_KEY to its first key alone (key " + result.keyId()
                    + ") and restart them one at a time; no row needs any other key any more.");
            out.flush();
            return CommandLineApp.OK;
        }

        private static void printResult(PrintWriter out, String what, KeyRotationResult result) {
            StringBuilder counts = new StringBuilder();
            result.reencrypted().forEach((table, count) -> counts.append(counts.isEmpty() ? "" : ", ").append(count).append(' ').append(table));
            out.println(what + result.keyId() + ": re-encrypted " + counts);
        }

        private static int behind(PrintWriter out, KeyRotationResult result) {
            out.println("not finished: rows were written meanwhile under key(s) " + String.join(", ", result.keysInUse())
                    + " by an instance that still encrypts with them. Give every instance key " + result.keyId() + " first, then run keys rotate again.");
            out.flush();
            return CommandLineApp.FAILED;
        }
    }

    /** The four steps of a rotation across instances that share the database. */
    static void printRollOut(PrintWriter out, String newKey, String newId, String currentId) {
        String current = "<your current key, id " + currentId + ">";
        out.println("Roll it out (the order matters: an instance must read a key before any instance writes with it):");
        out.println("  1. every instance: APP_ENCRYPTION_KEY=" + current + "," + newKey);
        out.println("     restart them one at a time; they now read key " + newId + " and still write with " + currentId);
        out.println("  2. every instance: APP_ENCRYPTION_KEY=" + newKey + "," + current);
        out.println("     restart them one at a time; they now write with " + newId);
        out.println("  3. once, with the same APP_ENCRYPTION_KEY as in step 2: gmail-server-auth keys rotate");
        out.println("     it re-encrypts every row to " + newId + " while the instances keep running");
        out.println("  4. every instance: APP_ENCRYPTION_KEY=" + newKey);
        out.println("     restart them one at a time; key " + currentId + " is no longer needed");
    }

    private static void writeKeyFile(Path file, EncryptionKey key) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            boolean posix = parent.getFileSystem().supportedFileAttributeViews().contains("posix");
            FileAttribute<?>[] ownerOnly = posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                    : new FileAttribute<?>[0];
            Files.createFile(file, ownerOnly);
            Files.writeString(file, key.toBase64() + "\n", StandardCharsets.US_ASCII);
        } catch (FileAlreadyExistsException e) {
            throw new CommandFailure(file + " exists already: a key file is never overwritten; name a new one");
        } catch (IOException e) {
            throw new CommandFailure("cannot write " + file + ": " + e.getMessage());
        }
    }

    private static String readKeyFile(Path file) {
        try {
            String key = Files.readString(file, StandardCharsets.US_ASCII).strip();
            EncryptionKey.fromBase64(key);
            return key;
        } catch (IOException e) {
            throw new CommandFailure("cannot read " + file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key in " + file + " " + e.getMessage());
        }
    }

}
