package dev.trellis.platform.messaging;

/** A message that can never be processed, however often it is retried: it belongs on the dead-letter topic. */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
