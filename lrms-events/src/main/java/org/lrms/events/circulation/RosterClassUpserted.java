package org.lrms.events.circulation;

import org.lrms.events.EventType;

import java.util.List;

/**
 * A class section from the SIS roster (OneRoster classes.csv); the key is its sourcedId.
 *
 * @param classType {@code homeroom} or {@code scheduled} as classes.csv gives it, lower case (null: not given, or
 *                  an event from before it was carried); a homeroom class's students and teacher are its enrollments
 */
@EventType(name = "RosterClassUpserted")
public record RosterClassUpserted(String sourcedId, String siteCode, String title, String classCode,
                                  String courseSourcedId, String courseCode, String courseTitle,
                                  List<String> grades, List<String> subjects, String location, String status,
                                  String classType) {
}
