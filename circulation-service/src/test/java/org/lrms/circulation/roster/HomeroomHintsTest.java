package org.lrms.circulation.roster;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HomeroomHintsTest {

    private static final String CLASSES = "sourcedId,status,dateLastModified,title,grades,courseSourcedId,"
            + "classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods\n"
            + "hr-1,active,,Room 5,,,,homeroom,,sch,,,,\n"
            + "hr-2,active,,Room 6,,,,Homeroom,,sch,,,,\n"
            + "hr-old,tobedeleted,,Room 9,,,,homeroom,,sch,,,,\n"
            + "math,active,,Math 7,,,,scheduled,,sch,,,,\n";
    private static final String ENROLLMENTS = "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,"
            + "userSourcedId,role,primary,beginDate,endDate\n";

    private static HomeroomHints hints(String enrollments) {
        return HomeroomHints.read(CLASSES.getBytes(StandardCharsets.UTF_8),
                (ENROLLMENTS + enrollments).getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<String> homeroom(HomeroomHints hints, String user) {
        return hints.of(user).map(HomeroomHints.Hint::title);
    }

    @Test
    void aStudentsHintIsTheHomeroomTheDerivationChooses() {
        HomeroomHints hints = hints("""
                e1,active,,hr-1,sch,kai,student,false,2026-08-12,
                e2,active,,math,sch,kai,student,false,2026-08-12,
                e3,active,,hr-1,sch,mia,student,false,2026-08-12,
                e4,active,,hr-2,sch,mia,student,false,2027-01-10,
                e5,active,,hr-2,sch,teo,student,false,,
                e6,active,,hr-1,sch,teo,student,false,2026-08-12,
                e7,tobedeleted,,hr-1,sch,ines,student,false,,
                e8,active,,hr-old,sch,ola,student,false,,
                e9,active,,hr-1,sch,t-1,teacher,true,,
                e10,active,,hr-1,sch,bad,student,false,12/08/2026,
                e11,active,,nowhere,sch,lost,student,false,,
                """);
        assertEquals(Optional.of("Room 5"), homeroom(hints, "kai"));
        assertEquals(Optional.of("Room 6"), homeroom(hints, "mia"), "the latest beginDate");
        assertEquals(Optional.of("Room 5"), homeroom(hints, "teo"), "a beginDate before none");
        assertEquals(Optional.of("hr-1"), hints.of("kai").map(HomeroomHints.Hint::classSourcedId));
        for (String none : new String[]{"ines", "ola", "t-1", "bad", "lost", "nobody"}) {
            assertEquals(Optional.empty(), homeroom(hints, none), none);
        }
        assertEquals(3, hints.size());
    }

    @Test
    void crlfLinesAndSpacesReadAsTheImportReadsThemAndAQuotedLineGetsNoHint() {
        HomeroomHints hints = hints("e1,active,,hr-1,sch,kai,Student,false,2026-08-12,\r\n"
                + " e2 , Active , , hr-2 , sch , mia , student , false , , \r\n"
                + "e3,active,,hr-1,sch,\"teo\",student,false,,\n"
                + "e4,active,,hr-1,sch,ola,student,false\n");
        assertEquals(Optional.of("Room 5"), homeroom(hints, "kai"));
        assertEquals(Optional.of("Room 6"), homeroom(hints, "mia"));
        assertEquals(Optional.empty(), homeroom(hints, "teo"), "the derivation announces its homeroom instead");
        assertEquals(Optional.empty(), homeroom(hints, "ola"), "a truncated row");
    }

    @Test
    void withoutHomeroomClassesThereAreNoHints() {
        HomeroomHints hints = HomeroomHints.read(("sourcedId,title,schoolSourcedId\nmath,Math 7,sch\n")
                .getBytes(StandardCharsets.UTF_8), (ENROLLMENTS + "e1,active,,math,sch,kai,student,false,,\n")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(0, hints.size());
        assertEquals(Optional.empty(), homeroom(hints, "kai"));
    }
}
