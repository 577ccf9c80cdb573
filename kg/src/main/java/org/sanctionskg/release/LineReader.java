package org.sanctionskg.release;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.NoSuchElementException;

/** Splits a stream at {@code \n}, through its own buffer (a byte-wise read of a buffered stream locks per byte). */
final class LineReader implements SortedLines.Lines {
    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int end;
    private byte[] next;

    LineReader(InputStream in) {
        this.in = in;
        this.next = readLine();
    }

    @Override public boolean hasNext() { return next != null; }

    @Override
    public byte[] next() {
        if (next == null) throw new NoSuchElementException();
        byte[] line = next;
        next = readLine();
        return line;
    }

    private byte[] readLine() {
        ByteArrayOutputStream line = null;
        try {
            while (true) {
                if (pos == end) {
                    end = in.read(buf);
                    pos = 0;
                    if (end <= 0) {
                        end = 0;
                        if (line != null && line.size() > 0) throw new IOException("the last line has no newline: the file is truncated");
                        return null;
                    }
                }
                int nl = pos;
                while (nl < end && buf[nl] != '\n') nl++;
                if (nl < end && line == null) {
                    byte[] whole = Arrays.copyOfRange(buf, pos, nl);
                    pos = nl + 1;
                    return whole;
                }
                if (line == null) line = new ByteArrayOutputStream(512);
                line.write(buf, pos, nl - pos);
                pos = Math.min(nl + 1, end);
                if (nl < end) return line.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
