package dev.storefront.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Every environment variable the application reads is documented, with a comment, in .env.example. */
class EnvExampleTest {

    @Test
    void everyVariableInApplicationPropertiesIsListedWithACommentInEnvExample() throws IOException {
        Set<String> used = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of("src/main/resources/application.properties"))) {
            Matcher reference = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)").matcher(line);
            while (!line.startsWith("#") && reference.find()) {
                used.add(reference.group(1));
            }
        }
        assertTrue(used.size() >= 10, "found the variables: " + used);

        List<String> lines = Files.readAllLines(Path.of(".env.example"));
        Set<String> listed = new TreeSet<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher assignment = Pattern.compile("^([A-Z][A-Z0-9_]*)=").matcher(lines.get(i));
            if (assignment.find()) {
                listed.add(assignment.group(1));
                boolean commented = false;
                for (int j = i - 1; j >= 0 && !lines.get(j).isBlank(); j--) {
                    commented |= lines.get(j).startsWith("#");
                }
                assertTrue(commented, assignment.group(1) + " has a comment above it or its group");
            }
        }
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(listed);
        assertEquals(Set.of(), missing, "variables the app reads but .env.example does not list");
    }
}
