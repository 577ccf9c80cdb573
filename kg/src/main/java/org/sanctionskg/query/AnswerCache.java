package org.sanctionskg.query;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Finished answers, least recently used evicted first, bounded both in entries and in bytes. Keys include the store
 * version, so a new load never serves an old answer; answers too large for a fair share of the budget are not kept.
 */
final class AnswerCache {
    /** A serialized answer, ready to send. */
    record Answer(byte[] body, ResultFormat format, String etag) {}

    private final int maxEntries;
    private final long maxBytes;
    private final LinkedHashMap<String, Answer> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    AnswerCache(int maxEntries, long maxBytes) {
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    synchronized Answer get(String key) {
        return entries.get(key);
    }

    synchronized void put(String key, Answer answer) {
        if (answer.body().length > maxBytes / 8) return;
        Answer old = entries.put(key, answer);
        if (old != null) bytes -= old.body().length;
        bytes += answer.body().length;
        var eldest = entries.entrySet().iterator();
        while (entries.size() > maxEntries || bytes > maxBytes) {
            Map.Entry<String, Answer> e = eldest.next();
            bytes -= e.getValue().body().length;
            eldest.remove();
        }
    }

    synchronized int size() {
        return entries.size();
    }
}
