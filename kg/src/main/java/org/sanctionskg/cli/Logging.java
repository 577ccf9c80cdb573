package org.sanctionskg.cli;

import org.sanctionskg.web.RequestLog;

/** Configures slf4j-simple before the first logger exists: stderr, quiet unless {@code --verbose}. */
final class Logging {
    private Logging() {}

    static void configure(boolean verbose) {
        set("org.slf4j.simpleLogger.logFile", "System.err");
        set("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
        set("org.slf4j.simpleLogger.log." + RequestLog.LOGGER, "info");
        set("org.slf4j.simpleLogger.showDateTime", "true");
        set("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSZ");
        set("org.slf4j.simpleLogger.showThreadName", "false");
        set("org.slf4j.simpleLogger.showShortLogName", "true");
    }

    /** An explicit -D on the command line wins. */
    private static void set(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }
}
