package org.lrms.bench.roster;

import org.junit.jupiter.api.Test;
import org.lrms.bench.generate.Scale;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OneRosterZipTest {

    private static byte[] zip(int users, long seed) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new OneRosterZip(Scale.named("small"), users, seed).write(out);
        return out.toByteArray();
    }

    private static Map<String, String[]> files(byte[] zip) throws IOException {
        Map<String, String[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
            }
        }
        return files;
    }

    @Test
    void theExportHasTheOneRosterFilesWithOneRowPerUser() throws IOException {
        Map<String, String[]> files = files(zip(91, 1));
        assertEquals(92, files.get("users.csv").length, "header + 91 users");
        assertEquals(1 + 1 + 3, files.get("orgs.csv").length, "header, the district, the small scale's 3 schools");
        assertEquals(1 + 4, files.get("classes.csv").length, "one homeroom per teacher: users 0, 30, 60, 90");
        assertEquals(1 + 91, files.get("enrollments.csv").length, "every student in a homeroom, its teacher too");
        assertTrue(files.get("enrollments.csv")[1].contains(",bench-c-0,") && files.get("enrollments.csv")[1]
                .contains(",teacher,true,"), "the homeroom's teacher: " + files.get("enrollments.csv")[1]);
        assertTrue(files.get("users.csv")[0].startsWith("sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role"));
        assertTrue(files.get("orgs.csv")[2].contains(",school,S0001,"), "schools carry the generator's site codes");
        String firstStudent = files.get("users.csv")[2];
        assertTrue(firstStudent.startsWith("bench-u-1,active,"), firstStudent);
        assertTrue(firstStudent.contains(",student,"), firstStudent);
        assertTrue(firstStudent.contains(",R0000002,"), "the identifier becomes the barcode: " + firstStudent);
        assertEquals(18, firstStudent.split(",", -1).length, "every OneRoster users column: " + firstStudent);
        for (String line : files.get("manifest.csv")) {
            assertFalse(line.endsWith(",bulk"), "a bench roster never deactivates anyone: " + line);
        }
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOtherNames() throws IOException {
        assertArrayEquals(zip(500, 42), zip(500, 42));
        String a = files(zip(50, 42)).get("users.csv")[5];
        String b = files(zip(50, 43)).get("users.csv")[5];
        assertEquals(a.split(",")[0], b.split(",")[0], "the same sourcedIds");
        assertFalse(a.equals(b) && a.equals(files(zip(50, 44)).get("users.csv")[5]), "names follow the seed");
    }
}
