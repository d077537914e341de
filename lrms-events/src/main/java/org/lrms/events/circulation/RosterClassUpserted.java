package org.lrms.events.circulation;

import org.lrms.events.EventType;

import java.util.List;

/** A class section from the SIS roster (OneRoster classes.csv); the key is its sourcedId. */
@EventType(name = "RosterClassUpserted")
public record RosterClassUpserted(String sourcedId, String siteCode, String title, String classCode,
                                  String courseSourcedId, String courseCode, String courseTitle,
                                  List<String> grades, List<String> subjects, String location, String status) {
}
