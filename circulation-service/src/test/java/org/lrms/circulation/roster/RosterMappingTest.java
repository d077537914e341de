package org.lrms.circulation.roster;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RosterMappingTest {

    @Test
    void oneRosterRolesBecomePatronTypes() {
        assertEquals(Optional.of("STUDENT"), RosterMapping.patronType("student"));
        assertEquals(Optional.of("TEACHER"), RosterMapping.patronType(" Teacher "));
        assertEquals(Optional.of("STAFF"), RosterMapping.patronType("aide"));
        assertEquals(Optional.of("STAFF"), RosterMapping.patronType("administrator"));
        assertEquals(Optional.of("GUARDIAN"), RosterMapping.patronType("parent"));
        assertEquals(Optional.empty(), RosterMapping.patronType("wizard"));
        assertEquals(Optional.empty(), RosterMapping.patronType(null));
    }

    @Test
    void theKindOfSchoolComesFromItsName() {
        assertEquals("HIGH", RosterMapping.siteType("school", "Lincoln High School"));
        assertEquals("MIDDLE", RosterMapping.siteType("school", "Roosevelt Middle School"));
        assertEquals("ELEMENTARY", RosterMapping.siteType("school", "Garfield Elementary"));
        assertEquals("OTHER", RosterMapping.siteType("school", "Adult Education Center"));
        assertEquals("DISTRICT", RosterMapping.siteType("district", "Sample Unified"));
    }

    @Test
    void gradesLoseLeadingZerosOnly() {
        assertEquals("9", RosterMapping.grade("09"));
        assertEquals("10", RosterMapping.grade("10"));
        assertEquals("KG", RosterMapping.grade("KG"));
        assertEquals("3", RosterMapping.grade("03,04"));
        assertNull(RosterMapping.grade(""));
    }
}
