package org.sanctionskg.web;

/** A request the site refuses: an HTTP status (400, 404, 406…) and a one-line message for the client. */
public final class RequestException extends RuntimeException {
    private final int status;

    public RequestException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static RequestException badParameter(String name, String problem) {
        return new RequestException(400, "parameter " + Responses.echo(name) + ": " + problem);
    }
}
