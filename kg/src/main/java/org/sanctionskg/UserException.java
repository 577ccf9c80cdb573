package org.sanctionskg;

/** A problem with the user's input or environment: reported as one line, never as a stack trace. */
public class UserException extends RuntimeException {
    /** The exit code of a user error: bad options, bad input, a busy port. */
    public static final int USER_ERROR = 1;
    /** The exit code when the data does not conform to its shapes (SHACL). */
    public static final int VALIDATION_FAILED = 2;

    private final int exitCode;

    public UserException(String message) {
        this(message, USER_ERROR);
    }

    public UserException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public UserException(String message, Throwable cause) {
        super(message, cause);
        this.exitCode = USER_ERROR;
    }

    public int exitCode() {
        return exitCode;
    }
}
