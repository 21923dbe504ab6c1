package dev.mobilevec.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Raw little-endian float32 files (run's input and output, preprocess's tensor), read and written 1 MB at a time. */
final class RawFloats {
    private RawFloats() {}

    /**
     * The file's little-endian float32 values into {@code dst} (the caller checked that the file holds exactly
     * dst.length of them), through a 1 MB buffer: Files.readAllBytes stops at 2 GB, which a large --batch passes.
     */
    static void read(Path file, float[] dst) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel ch = FileChannel.open(file)) {
            int done = 0;
            while (done < dst.length) {
                buf.clear().limit((int) Math.min(buf.capacity(), 4L * (dst.length - done)));
                while (buf.hasRemaining()) {
                    if (ch.read(buf) < 0) {
                        throw new IOException(file + " ended at byte " + (4L * done + buf.position()) + " of " + 4L * dst.length
                                + " (it changed while being read)");
                    }
                }
                buf.flip();
                int n = buf.remaining() / 4;
                buf.asFloatBuffer().get(dst, done, n);
                done += n;
            }
        }
    }

    /** {@code src} as little-endian float32 into the file (created or truncated), 1 MB at a time. */
    static void write(Path file, float[] src) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (int done = 0; done < src.length; ) {
                int n = Math.min(buf.capacity() / 4, src.length - done);
                buf.clear();
                buf.asFloatBuffer().put(src, done, n);
                buf.limit(4 * n);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                done += n;
            }
        }
    }
}
