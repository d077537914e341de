package org.lrms.bench.limits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Resident set size of the local stack's service processes, read from /proc by the pid files run.sh keeps. */
public final class Memory {

    private final Path pidDir;
    private final List<String> components;

    public Memory(Path pidDir, List<String> components) {
        this.pidDir = pidDir;
        this.components = components;
    }

    /** Resident megabytes per component, for those running now. */
    public Map<String, Double> residentMb() {
        Map<String, Double> result = new LinkedHashMap<>();
        for (String component : components) {
            pid(component).flatMap(Memory::rssKb).ifPresent(kb -> result.put(component, kb / 1024.0));
        }
        return result;
    }

    private Optional<Long> pid(String component) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidDir.resolve(component + ".pid")).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
        return Optional.empty();
    }
}
