package org.sanctionskg.cli;

import org.sanctionskg.web.RequestLog;

/** Configures slf4j-simple before the first logger exists: stderr, quiet unless {@code --verbose}. */
final class Logging {
    private Logging() {}

    static void configure(boolean verbose) {
        set("org.slf4j.simpleLogger.logFile", "System.err");
        set("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
        set("org.slf4j.simpleLogger.log." + RequestLog.LOGGER, "info");
        // Jena's bulk-loader threads log what stops them (a full disk) as ERROR with a stack trace; LoadGuard reports it in one line.
        set("org.slf4j.simpleLogger.log.org.apache.jena.tdb2.loader", verbose ? "debug" : "off");
        // A SERVICE refused inside FILTER EXISTS is logged by Jena with a stack trace per binding; the 422 says it once.
        set("org.slf4j.simpleLogger.log.org.apache.jena.sparql.engine.iterator.QueryIterFilterExpr", verbose ? "debug" : "error");
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
