package dev.verifytoken.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A copy of the repository (the files git knows, committed or not, but not ignored), made once, for the scripts that
 * build (./run.sh): run in the working tree, their build would overwrite this build's target/ while it tests.
 */
final class RepositoryCopy {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path COPY = ROOT.resolve("target").resolve("repository-copy");
    private static boolean made;

    private RepositoryCopy() {
    }

    static synchronized Path get() {
        if (!made) {
            make();
            made = true;
        }
        return COPY;
    }

    private static void make() {
        try {
            PayaraMicroProcess.deleteRecursively(COPY);
            Process git = new ProcessBuilder("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
                    .directory(ROOT.toFile()).redirectErrorStream(true).start();
            String files = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (git.waitFor() != 0) {
                throw new IllegalStateException("git ls-files failed: " + files);
            }
            for (String file : files.split("\0")) {
                Path source = ROOT.resolve(file);
                if (file.isEmpty() || !Files.isRegularFile(source)) {
                    continue;
                }
                Path target = COPY.resolve(file);
                Files.createDirectories(target.getParent());
                Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
