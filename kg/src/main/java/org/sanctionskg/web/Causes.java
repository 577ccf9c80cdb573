package org.sanctionskg.web;

/** Walks an exception's cause chain: the one copy of that loop. */
public final class Causes {
    private Causes() {}

    /** The first throwable in {@code e}'s cause chain of {@code type}, or null. */
    public static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) if (type.isInstance(t)) return type.cast(t);
        return null;
    }

    public static boolean inChain(Throwable e, Class<? extends Throwable> type) {
        return find(e, type) != null;
    }

    /** The innermost cause, in one short line: what went wrong, without the whole request it happened in. */
    public static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        String m = t.getMessage() == null ? "" : ": " + t.getMessage().lines().findFirst().orElse("");
        String text = t.getClass().getSimpleName() + m;
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
