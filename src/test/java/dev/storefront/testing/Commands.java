package dev.storefront.testing;

import java.io.IOException;
import java.nio.file.Path;

/** Running the project's scripts and tools from tests, and stopping what a test started. */
public final class Commands {

    private Commands() {
    }

    /** Runs a command, fails on a non-zero exit, and returns what it printed. */
    public static String run(Path directory, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    /** Asks a process to stop (SIGTERM) and waits until it has. */
    public static void stop(Process process) {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
