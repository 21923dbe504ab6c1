import jdk.incubator.vector.*;
import java.util.*;
import static jdk.incubator.vector.VectorOperators.*;

/** Ideal K=16 1x1: 2 pixels x 32 channels per step, pixel loop inside, k loop runtime or constant. */
public class K16 {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    static final int L = 8, NR = 32;

    // m pixels, k inputs, n = 32 * panels outputs; weights packed [panel][k][32]
    static void run(float[] a, float[] w, float[] bias, float[] c, int m, int k, int n, int mc) {
        int panels = n / NR;
        for (int r0 = 0; r0 < m; r0 += mc) {
            int r1 = Math.min(m, r0 + mc);
            for (int p = 0; p < panels; p++) {
                if (k == 16 && Boolean.getBoolean("unroll")) strip16(a, w, bias, c, r0, r1, n, p); else strip(a, w, bias, c, r0, r1, k, n, p);
            }
        }
    }

    static void strip(float[] a, float[] w, float[] bias, float[] c, int r0, int r1, int k, int n, int p) {
        final int kk = k, nn = n, col = p * NR, wb = p * kk * NR;
        FloatVector b0 = FloatVector.fromArray(S, bias, col), b1 = FloatVector.fromArray(S, bias, col + L),
                b2 = FloatVector.fromArray(S, bias, col + 2 * L), b3 = FloatVector.fromArray(S, bias, col + 3 * L);
        for (int r = r0; r + 2 <= r1; r += 2) {
            FloatVector c00 = b0, c01 = b1, c02 = b2, c03 = b3, c10 = b0, c11 = b1, c12 = b2, c13 = b3;
            int a0 = r * kk, a1 = a0 + kk;
            for (int i = 0, bi = wb; i < kk; i++, bi += NR) {
                FloatVector w0 = FloatVector.fromArray(S, w, bi), w1 = FloatVector.fromArray(S, w, bi + L),
                        w2 = FloatVector.fromArray(S, w, bi + 2 * L), w3 = FloatVector.fromArray(S, w, bi + 3 * L);
                FloatVector x = FloatVector.broadcast(S, a[a0 + i]);
                c00 = w0.fma(x, c00); c01 = w1.fma(x, c01); c02 = w2.fma(x, c02); c03 = w3.fma(x, c03);
                x = FloatVector.broadcast(S, a[a1 + i]);
                c10 = w0.fma(x, c10); c11 = w1.fma(x, c11); c12 = w2.fma(x, c12); c13 = w3.fma(x, c13);
            }
            FloatVector lo = FloatVector.zero(S);
            int q = r * nn + col;
            c00.blend(lo, c00.compare(LE, lo)).intoArray(c, q); c01.blend(lo, c01.compare(LE, lo)).intoArray(c, q + L);
            c02.blend(lo, c02.compare(LE, lo)).intoArray(c, q + 2 * L); c03.blend(lo, c03.compare(LE, lo)).intoArray(c, q + 3 * L);
            q += nn;
            c10.blend(lo, c10.compare(LE, lo)).intoArray(c, q); c11.blend(lo, c11.compare(LE, lo)).intoArray(c, q + L);
            c12.blend(lo, c12.compare(LE, lo)).intoArray(c, q + 2 * L); c13.blend(lo, c13.compare(LE, lo)).intoArray(c, q + 3 * L);
        }
    }


    static void strip16(float[] a, float[] w, float[] bias, float[] c, int r0, int r1, int nn, int p) {
        final int col = p * NR, wb = p * 16 * NR;
        FloatVector b0 = FloatVector.fromArray(S, bias, col), b1 = FloatVector.fromArray(S, bias, col + L),
                b2 = FloatVector.fromArray(S, bias, col + 2 * L), b3 = FloatVector.fromArray(S, bias, col + 3 * L);
        for (int r = r0; r + 2 <= r1; r += 2) {
            FloatVector c00 = b0, c01 = b1, c02 = b2, c03 = b3, c10 = b0, c11 = b1, c12 = b2, c13 = b3, w0, w1, w2, w3, x;
            int a0 = r * 16;
            w0 = FloatVector.fromArray(S, w, wb + 0); w1 = FloatVector.fromArray(S, w, wb + 8); w2 = FloatVector.fromArray(S, w, wb + 16); w3 = FloatVector.fromArray(S, w, wb + 24);
            x = FloatVector.broadcast(S, a[a0 + 0]);
            c00 = w0.fma(x, c00); c01 = w1.fma(x, c01); c02 = w2.fma(x, c02); c03 = w3.fma(x, c03);
            x = FloatVector.broadcast(S, a[a0 + 16]);
            c10 = w0.fma(x, c10); c11 = w1.fma(x, c11); c12 = w2.fma(x, c12); c13 = w3.fma(x, c13);
            w0 = FloatVector.fromArray(S, w, wb + 32); w1 = FloatVector.fromArray(S, w, wb + 40); w2 = FloatVector.fromArray(S, w, wb + 48); w3 = FloatVector.fromArray(S, w, wb + 56);
            x = FloatVector.broadcast(S, a[a0 + 1]);
            c00 = w0.fma(x, c00); c01 = w1.fma(x, c01); c02 = w2.fma(x, c02); c03 = w3.fma(x, c03);
            x = FloatVector.broadcast(S, a[a0 + 17]);
            c10 = w0.fma(x, c10); c11 = w1.fma(x, c11); c12 = w2.fma(x, c12); c13 = w3.fma(x, c13);
            w0 = FloatVector.fromArray(S, w, wb + 64); w1 = FloatVector.fromArray(S, w, wb + 72); w2 = FloatVector.fromArray(S, w, wb + 80); w3 = FloatVector.fromArray(S, w, wb + 88);
            x = FloatVector.broadcast(S, a[a0 + 2]);
            c00 = w0.fma(x, c00); c01 = w1.fma(x, c01); c02 = w2.fma(x, c02); c03 = w3.fma(x, c03);
            x = FloatVector.broadcast(S, a[a0 + 18]);
            c10 = w0.fma(x, c10); c11 = w1.fma(x, c11); c12 = w2.fma(x, c12); c13 = w3.fma(x, c13);
            w0 = FloatVector.fromArray(S, w, wb + 96); w1 = FloatVector.fromArray(S, w, wb + 104); w2 = FloatVector.fromArray(S, w, wb + 112); w3 = FloatVector.fromArray(S, w, wb + 120);
            x = FloatVector.broadcast(S, a[a0 + 3]);
            c00 = w0.fma(x, c00); c01 = w1.fma(x, c01); c02 = w2.fma(x, c02); c03 = w3.fma(x, c03);
            x = FloatVector.broadcast(S, a[a0 + 19]);
            c10 = w0.fma(x, c10); c11 = w1.fma(x, c11); c12 = w2.fma(x, c12); c13 = w3.fma(x, c13);
            w0 = FloatVector.fromArray(S, w, wb + 128); w1 = FloatVector.fromArray(S, w, wb + 136); w2 = FloatVector.fromArray(S, w, wb + 144); w3 = FloatVector.fromArray(S, w, wb + 152);
            x = FloatVector.broadcast(S, a[a0 + 4]);
            c00 = w0.fma(x, c00); c01 = w1.fma(x, c01); c02 = w2.fma(x, c02); c03 = w3.fma(x, c03);
            x = FloatVector.broadcast(S, a[a0 + 20]);
            c10 = w0.fma(x, c10); c11 = w1.fma(x, c11); c12 = w2.fma(x, c12); c13 = w3.fma(x, c13);
            w0 = FloatVector.fromArray(S, w, wb + 160); w1 = FloatVector.fromArray(S, w, wb + 168); w2 = FloatVector.fromArray(S, w, wb + 176); w3 = FloatVector.fromArray(S, w, wb + 184);
            x = FloatVector.broadcast(S, a[a0 + 5]);
            c00 = w0.fma(x, c00); c01 = w1.fma(x, c01); c02 = w2.fma(x, c02); c03 = w3.fma(x, c03);
            x = FloatVector.broadcast(S, a[a0 + 21]);
            c10 = w0.fma(x, c10); c11 = w1.fma(x, c11); c12 = w2.fma(x, c12); c13 = w3.fma(x, c13);
            w0 = FloatVector.fromArray(S, w, wb + 192); w1 = FloatVector.fromArray(S, w, wb + 200); w2 = FloatVector.fromArray(S, w, wb + 208); w3 = FloatVector.fromArray(S, w, wb + 216);
            x = FloatVector.broadcast(S, a[a0 + 6]);
            c00 = w0.fma(x, c00); c01 = w1.fma(x, c01); c02 = w2.fma(x, c02); c03 = w3.fma(x, c03);
            x = FloatVector.broadcast(S, a[a0 + 22]);
            c10 = w0.fma(x, c10); c11 = w1.fma(x, c11); c12 = w2.fma(x, c12); c13 = w3.fma(x, c13);
            w0 = FloatVector.fromArray(S, w, wb + 224); w1 = FloatVector.fromArray(S, w, wb + 232); w2 = FloatVector.fromArray(S, w, wb + 240); w3 = FloatVector.fromArray(S, w, wb + 248);
            x = FloatVector.broadcast(S, a[a0 + 7]);
            c00 = w0.fma(x, c00); c01 = w1.fma(x, c01); c02 = w2.fma(x, c02); c03 = w3.fma(x, c03);
            x = FloatVector.broadcast(S, a[a0 + 23]);
            c10 = w0.fma(x, c10); c11 = w1.fma(x, c11); c12 = w2.fma(x, c12); c13 = w3.fma(x, c13);
            w0 = FloatVector.fromArray(S, w, wb + 256); w1 = FloatVector.fromArray(S, w, wb + 264); w2 = FloatVector.fromArray(S, w, wb + 272); w3 = FloatVector.fromArray(S, w, wb + 280);
            x = FloatVector.broadcast(S, a[a0 + 8]);
            c00 = w0.fma(x, c00); c01 = w1.fma(x, c01); c02 = w2.fma(x, c02); c03 = w3.fma(x, c03);
            x = FloatVector.broadcast(S, a[a0 + 24]);
            c10 = w0.fma(x, c10); c11 = w1.fma(x, c11); c12 = w2.fma(x, c12); c13 = w3.fma(x, c13);
            w0 = FloatVector.fromArray(S, w, wb + 288); w1 = FloatVector.fromArray(S, w, wb + 296); w2 = FloatVector.fromArray(S, w, wb + 304); w3 = FloatVector.fromArray(S, w, wb + 312);
            x = FloatVector.broadcast(S, a[a0 + 9]);
            c00 = w0.fma(x, c00); c01 = w1.fma(x, c01); c02 = w2.fma(x, c02); c03 = w3.fma(x, c03);
            x = FloatVector.broadcast(S, a[a0 + 25]);
            c10 = w0.fma(x, c10); c11 = w1.fma(x, c11); c12 = w2.fma(x, c12); c13 = w3.fma(x, c13);
            w0 = FloatVector.fromArray(S, w, wb + 320); w1 = FloatVector.fromArray(S, w, wb + 328); w2 = FloatVector.fromArray(S, w, wb + 336); w3 = FloatVector.fromArray(S, w, wb + 344);
            x = FloatVector.broadcast(S, a[a0 + 10]);
            c00 = w0.fma(x, c00); c01 = w1.fma(x, c01); c02 = w2.fma(x, c02); c03 = w3.fma(x, c03);
            x = FloatVector.broadcast(S, a[a0 + 26]);
            c10 = w0.fma(x, c10); c11 = w1.fma(x, c11); c12 = w2.fma(x, c12); c13 = w3.fma(x, c13);
            w0 = FloatVector.fromArray(S, w, wb + 352); w1 = FloatVector.fromArray(S, w, wb + 360); w2 = FloatVector.fromArray(S, w, wb + 368); w3 = FloatVector.fromArray(S, w, wb + 376);
            x = FloatVector.broadcast(S, a[a0 + 11]);
            c00 = w0.fma(x, c00); c01 = w1.fma(x, c01); c02 = w2.fma(x, c02); c03 = w3.fma(x, c03);
            x = FloatVector.broadcast(S, a[a0 + 27]);
            c10 = w0.fma(x, c10); c11 = w1.fma(x, c11); c12 = w2.fma(x, c12); c13 = w3.fma(x, c13);
            w0 = FloatVector.fromArray(S, w, wb + 384); w1 = FloatVector.fromArray(S, w, wb + 392); w2 = FloatVector.fromArray(S, w, wb + 400); w3 = FloatVector.fromArray(S, w, wb + 408);
            x = FloatVector.broadcast(S, a[a0 + 12]);
            c00 = w0.fma(x, c00); c01 = w1.fma(x, c01); c02 = w2.fma(x, c02); c03 = w3.fma(x, c03);
            x = FloatVector.broadcast(S, a[a0 + 28]);
            c10 = w0.fma(x, c10); c11 = w1.fma(x, c11); c12 = w2.fma(x, c12); c13 = w3.fma(x, c13);
            w0 = FloatVector.fromArray(S, w, wb + 416); w1 = FloatVector.fromArray(S, w, wb + 424); w2 = FloatVector.fromArray(S, w, wb + 432); w3 = FloatVector.fromArray(S, w, wb + 440);
            x = FloatVector.broadcast(S, a[a0 + 13]);
            c00 = w0.fma(x, c00); c01 = w1.fma(x, c01); c02 = w2.fma(x, c02); c03 = w3.fma(x, c03);
            x = FloatVector.broadcast(S, a[a0 + 29]);
            c10 = w0.fma(x, c10); c11 = w1.fma(x, c11); c12 = w2.fma(x, c12); c13 = w3.fma(x, c13);
            w0 = FloatVector.fromArray(S, w, wb + 448); w1 = FloatVector.fromArray(S, w, wb + 456); w2 = FloatVector.fromArray(S, w, wb + 464); w3 = FloatVector.fromArray(S, w, wb + 472);
            x = FloatVector.broadcast(S, a[a0 + 14]);
            c00 = w0.fma(x, c00); c01 = w1.fma(x, c01); c02 = w2.fma(x, c02); c03 = w3.fma(x, c03);
            x = FloatVector.broadcast(S, a[a0 + 30]);
            c10 = w0.fma(x, c10); c11 = w1.fma(x, c11); c12 = w2.fma(x, c12); c13 = w3.fma(x, c13);
            w0 = FloatVector.fromArray(S, w, wb + 480); w1 = FloatVector.fromArray(S, w, wb + 488); w2 = FloatVector.fromArray(S, w, wb + 496); w3 = FloatVector.fromArray(S, w, wb + 504);
            x = FloatVector.broadcast(S, a[a0 + 15]);
            c00 = w0.fma(x, c00); c01 = w1.fma(x, c01); c02 = w2.fma(x, c02); c03 = w3.fma(x, c03);
            x = FloatVector.broadcast(S, a[a0 + 31]);
            c10 = w0.fma(x, c10); c11 = w1.fma(x, c11); c12 = w2.fma(x, c12); c13 = w3.fma(x, c13);

            FloatVector lo = FloatVector.zero(S);
            int q = r * nn + col;
            c00.blend(lo, c00.compare(LE, lo)).intoArray(c, q); c01.blend(lo, c01.compare(LE, lo)).intoArray(c, q + L);
            c02.blend(lo, c02.compare(LE, lo)).intoArray(c, q + 2 * L); c03.blend(lo, c03.compare(LE, lo)).intoArray(c, q + 3 * L);
            q += nn;
            c10.blend(lo, c10.compare(LE, lo)).intoArray(c, q); c11.blend(lo, c11.compare(LE, lo)).intoArray(c, q + L);
            c12.blend(lo, c12.compare(LE, lo)).intoArray(c, q + 2 * L); c13.blend(lo, c13.compare(LE, lo)).intoArray(c, q + 3 * L);
        }
    }

    public static void main(String[] args) {
        int h = Integer.getInteger("h", 112), k = Integer.getInteger("k", 16), n = Integer.getInteger("n", 64);
        int m = h * h;
        Random rnd = new Random(1);
        float[] a = new float[m * k + 64], w = new float[k * n + 64], bias = new float[n], c = new float[m * n + 64];
        for (int i = 0; i < a.length; i++) a[i] = rnd.nextFloat() - 0.5f;
        for (int i = 0; i < w.length; i++) w[i] = rnd.nextFloat() - 0.5f;
        double flops = 2.0 * m * k * n;
        int reps = (int) Math.max(20, 1e10 / flops);
        for (int round = 0; round < 8; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < reps; i++) run(a, w, bias, c, m, k, n, Integer.getInteger("mc", 96));
            long t = System.nanoTime() - t0;
            if (round >= 3) System.out.printf("%dx%dx%d->%d: %.1f GFLOPS%n", h, h, k, n, flops * reps / t);
        }
    }
}
