package org.lrms.circulation.policy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The policy rules stay plain Java: no Quarkus, JPA or CDI, so they are tested (and reasoned about) alone. */
class PolicyPurityTest {

    @Test
    void thePolicyPackageImportsNoFrameworks() throws IOException {
        Path dir = Path.of("src/main/java/org/lrms/circulation/policy");
        List<Path> sources;
        try (Stream<Path> files = Files.list(dir)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertFalse(sources.isEmpty());
        for (Path source : sources) {
            List<String> framework = Files.readAllLines(source).stream()
                    .filter(l -> l.startsWith("import "))
                    .filter(l -> l.contains("io.quarkus") || l.contains("jakarta.") || l.contains("org.hibernate"))
                    .toList();
            assertEquals(List.of(), framework, source.getFileName().toString());
        }
    }
}
