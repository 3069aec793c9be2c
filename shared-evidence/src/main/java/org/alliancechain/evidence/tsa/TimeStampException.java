package org.alliancechain.evidence.tsa;

/** No time-stamp could be obtained: the authority is unreachable, refused, or answered something else. */
public class TimeStampException extends RuntimeException {

    public TimeStampException(String message) {
        super(message);
    }

    public TimeStampException(String message, Throwable cause) {
        super(message, cause);
    }
}
