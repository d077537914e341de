package org.lrms.events;

/** An event that cannot be read: it goes to the dead-letter topic with this message as its reason. */
public class UnreadableEventException extends RuntimeException {
    public UnreadableEventException(String message) {
        super(message);
    }
}
