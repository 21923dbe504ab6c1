import jdk.incubator.vector.*;
import java.lang.foreign.*;
import java.nio.ByteOrder;
import java.util.*;

/** The 6 x 2 tile's k loop with A (and B) in native memory segments, against the heap-array loop. */
public class SegTile {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    static final int L = 8, K = 512;
    static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT_UNALIGNED;

    static void segment(MemorySegment a, long aOff, int k, MemorySegment b, float[] c, int cOff) {
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51;
        c00 = c10 = c20 = c30 = c40 = c50 = FloatVector.zero(S);
        c01 = c11 = c21 = c31 = c41 = c51 = FloatVector.zero(S);
        long rs = 4L * k;
        long a0 = aOff, a1 = a0 + rs, a2 = a1 + rs, a3 = a2 + rs, a4 = a3 + rs, a5 = a4 + rs;
        long bi = 0;
        for (long i = 0; i < rs; i += 4, bi += 64) {
            FloatVector w0 = FloatVector.fromMemorySegment(S, b, bi, ByteOrder.LITTLE_ENDIAN);
            FloatVector w1 = FloatVector.fromMemorySegment(S, b, bi + 32, ByteOrder.LITTLE_ENDIAN);
            FloatVector x = FloatVector.broadcast(S, a.get(F, a0 + i));
            c00 = w0.fma(x, c00); c01 = w1.fma(x, c01);
            x = FloatVector.broadcast(S, a.get(F, a1 + i));
            c10 = w0.fma(x, c10); c11 = w1.fma(x, c11);
            x = FloatVector.broadcast(S, a.get(F, a2 + i));
            c20 = w0.fma(x, c20); c21 = w1.fma(x, c21);
            x = FloatVector.broadcast(S, a.get(F, a3 + i));
            c30 = w0.fma(x, c30); c31 = w1.fma(x, c31);
            x = FloatVector.broadcast(S, a.get(F, a4 + i));
            c40 = w0.fma(x, c40); c41 = w1.fma(x, c41);
            x = FloatVector.broadcast(S, a.get(F, a5 + i));
            c50 = w0.fma(x, c50); c51 = w1.fma(x, c51);
        }
        c00.add(c01).add(c10).add(c11).add(c20).add(c21).add(c30).add(c31).add(c40).add(c41).add(c50).add(c51).intoArray(c, cOff);
    }

    /** Int-indexed variant: i counts k, offsets computed. */
    static void segmentInt(MemorySegment a, long aOff, int k, MemorySegment b, float[] c, int cOff) {
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51;
        c00 = c10 = c20 = c30 = c40 = c50 = FloatVector.zero(S);
        c01 = c11 = c21 = c31 = c41 = c51 = FloatVector.zero(S);
        long rs = 4L * k;
        long a0 = aOff, a1 = a0 + rs, a2 = a1 + rs, a3 = a2 + rs, a4 = a3 + rs, a5 = a4 + rs;
        for (int i = 0; i < k; i++) {
            long ib = 4L * i, bb = 64L * i;
            FloatVector w0 = FloatVector.fromMemorySegment(S, b, bb, ByteOrder.LITTLE_ENDIAN);
            FloatVector w1 = FloatVector.fromMemorySegment(S, b, bb + 32, ByteOrder.LITTLE_ENDIAN);
            FloatVector x = FloatVector.broadcast(S, a.get(F, a0 + ib));
            c00 = w0.fma(x, c00); c01 = w1.fma(x, c01);
            x = FloatVector.broadcast(S, a.get(F, a1 + ib));
            c10 = w0.fma(x, c10); c11 = w1.fma(x, c11);
            x = FloatVector.broadcast(S, a.get(F, a2 + ib));
            c20 = w0.fma(x, c20); c21 = w1.fma(x, c21);
            x = FloatVector.broadcast(S, a.get(F, a3 + ib));
            c30 = w0.fma(x, c30); c31 = w1.fma(x, c31);
            x = FloatVector.broadcast(S, a.get(F, a4 + ib));
            c40 = w0.fma(x, c40); c41 = w1.fma(x, c41);
            x = FloatVector.broadcast(S, a.get(F, a5 + ib));
            c50 = w0.fma(x, c50); c51 = w1.fma(x, c51);
        }
        c00.add(c01).add(c10).add(c11).add(c20).add(c21).add(c30).add(c31).add(c40).add(c41).add(c50).add(c51).intoArray(c, cOff);
    }

    public static void main(String[] args) {
        int rounds = Integer.parseInt(args[0]);
        double window = Double.parseDouble(args[1]);
        Arena arena = Arena.global();
        MemorySegment a = arena.allocate(4L * (6 * K + 64), 64), b = arena.allocate(4L * (16 * K + 64), 64);
        float[] ah = new float[6 * K + 64], bh = new float[16 * K + 64], c = new float[64];
        Random r = new Random(1);
        for (int i = 0; i < ah.length; i++) { ah[i] = r.nextFloat() * 0.01f; a.setAtIndex(ValueLayout.JAVA_FLOAT, i, ah[i]); }
        for (int i = 0; i < bh.length; i++) { bh[i] = r.nextFloat() * 0.01f; b.setAtIndex(ValueLayout.JAVA_FLOAT, i, bh[i]); }
        double flopsPerCall = 2.0 * 6 * 16 * K;
        float[] c2 = new float[64], c3 = new float[64];
        for (int w = 0; w < 20000; w++) { LeanVsOurs.strided(ah, 0, K, bh, c, 0); segment(a, 0, K, b, c2, 0); segmentInt(a, 0, K, b, c3, 0); }
        if (!Arrays.equals(c, c2) || !Arrays.equals(c, c3)) throw new AssertionError("bits differ");
        for (int round = 0; round < rounds; round++) {
            double[] g = new double[3];
            for (int v = 0; v < 3; v++) {
                long t0 = System.nanoTime(), calls = 0, end = t0 + (long) (window * 1e9);
                while (System.nanoTime() < end) {
                    for (int i = 0; i < 100; i++) {
                        if (v == 0) LeanVsOurs.strided(ah, 0, K, bh, c, 0);
                        else if (v == 1) segment(a, 0, K, b, c2, 0);
                        else segmentInt(a, 0, K, b, c3, 0);
                    }
                    calls += 100;
                }
                g[v] = flopsPerCall * calls / (System.nanoTime() - t0);
            }
            System.out.printf("r heap %.1f seg %.1f segInt %.1f  seg/heap %.3f segInt/heap %.3f%n", g[0], g[1], g[2], g[1] / g[0], g[2] / g[0]);
        }
    }
}
