import jdk.incubator.vector.*;
import java.util.*;
import static jdk.incubator.vector.VectorOperators.*;

public class G3 {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    static final int L = 8, NR = 32;
    final int m, k;
    final float[] a, w, bias, c;
    int z1 = 0, z2 = 0; // runtime zeros: C2 cannot prove the three weight loads equal, so it does not merge them

    G3(int m, int k) {
        this.m = m; this.k = k;
        Random r = new Random(1);
        a = new float[m * k + 64]; for (int i = 0; i < a.length; i++) a[i] = r.nextFloat() - 0.5f;
        w = new float[k * NR + 64]; for (int i = 0; i < w.length; i++) w[i] = r.nextFloat() - 0.5f;
        bias = new float[NR]; for (int i = 0; i < NR; i++) bias[i] = r.nextFloat();
        c = new float[m * NR + 64];
    }

    void run2() { int r = 0; for (; r + 2 <= m; r += 2) tile2x4(r * k, r * NR); }
    void run3() { int r = 0; for (; r + 3 <= m; r += 3) tile3x4(r * k, r * NR); for (; r + 2 <= m; r += 2) tile2x4(r * k, r * NR); }

    void tile2x4(int aOff, int cOff) {
        final int kk = k;
        int c0 = cOff, c1 = c0 + NR;
        FloatVector c00, c01, c02, c03, c10, c11, c12, c13;
        c00 = c10 = FloatVector.fromArray(S, bias, 0); c01 = c11 = FloatVector.fromArray(S, bias, L);
        c02 = c12 = FloatVector.fromArray(S, bias, 2 * L); c03 = c13 = FloatVector.fromArray(S, bias, 3 * L);
        int a0 = aOff, a1 = a0 + kk, bi = 0;
        for (int i = 0; i < kk; i++, bi += NR) {
            FloatVector b0 = FloatVector.fromArray(S, w, bi), b1 = FloatVector.fromArray(S, w, bi + L);
            FloatVector b2 = FloatVector.fromArray(S, w, bi + 2 * L), b3 = FloatVector.fromArray(S, w, bi + 3 * L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + i]);
            c00 = b0.fma(x, c00); c01 = b1.fma(x, c01); c02 = b2.fma(x, c02); c03 = b3.fma(x, c03);
            x = FloatVector.broadcast(S, a[a1 + i]);
            c10 = b0.fma(x, c10); c11 = b1.fma(x, c11); c12 = b2.fma(x, c12); c13 = b3.fma(x, c13);
        }
        FloatVector lo = FloatVector.zero(S);
        c00 = c00.blend(lo, c00.compare(LE, lo)); c01 = c01.blend(lo, c01.compare(LE, lo));
        c02 = c02.blend(lo, c02.compare(LE, lo)); c03 = c03.blend(lo, c03.compare(LE, lo));
        c10 = c10.blend(lo, c10.compare(LE, lo)); c11 = c11.blend(lo, c11.compare(LE, lo));
        c12 = c12.blend(lo, c12.compare(LE, lo)); c13 = c13.blend(lo, c13.compare(LE, lo));
        c00.intoArray(c, c0); c01.intoArray(c, c0 + L); c02.intoArray(c, c0 + 2 * L); c03.intoArray(c, c0 + 3 * L);
        c10.intoArray(c, c1); c11.intoArray(c, c1 + L); c12.intoArray(c, c1 + 2 * L); c13.intoArray(c, c1 + 3 * L);
    }

    void tile3x4(int aOff, int cOff) {
        final int kk = k, u1 = z1, u2 = z2;
        int c0 = cOff, c1 = c0 + NR, c2 = c1 + NR;
        FloatVector c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23;
        c00 = c10 = c20 = FloatVector.fromArray(S, bias, 0); c01 = c11 = c21 = FloatVector.fromArray(S, bias, L);
        c02 = c12 = c22 = FloatVector.fromArray(S, bias, 2 * L); c03 = c13 = c23 = FloatVector.fromArray(S, bias, 3 * L);
        int a0 = aOff, a1 = a0 + kk, a2 = a1 + kk, bi = 0;
        for (int i = 0; i < kk; i++, bi += NR) {
            FloatVector x = FloatVector.broadcast(S, a[a0 + i]);
            c00 = x.fma(FloatVector.fromArray(S, w, bi), c00); c01 = x.fma(FloatVector.fromArray(S, w, bi + L), c01);
            c02 = x.fma(FloatVector.fromArray(S, w, bi + 2 * L), c02); c03 = x.fma(FloatVector.fromArray(S, w, bi + 3 * L), c03);
            int bj = bi + u1;
            x = FloatVector.broadcast(S, a[a1 + i]);
            c10 = x.fma(FloatVector.fromArray(S, w, bj), c10); c11 = x.fma(FloatVector.fromArray(S, w, bj + L), c11);
            c12 = x.fma(FloatVector.fromArray(S, w, bj + 2 * L), c12); c13 = x.fma(FloatVector.fromArray(S, w, bj + 3 * L), c13);
            int bk = bi + u2;
            x = FloatVector.broadcast(S, a[a2 + i]);
            c20 = x.fma(FloatVector.fromArray(S, w, bk), c20); c21 = x.fma(FloatVector.fromArray(S, w, bk + L), c21);
            c22 = x.fma(FloatVector.fromArray(S, w, bk + 2 * L), c22); c23 = x.fma(FloatVector.fromArray(S, w, bk + 3 * L), c23);
        }
        FloatVector lo = FloatVector.zero(S);
        c00 = c00.blend(lo, c00.compare(LE, lo)); c01 = c01.blend(lo, c01.compare(LE, lo));
        c02 = c02.blend(lo, c02.compare(LE, lo)); c03 = c03.blend(lo, c03.compare(LE, lo));
        c10 = c10.blend(lo, c10.compare(LE, lo)); c11 = c11.blend(lo, c11.compare(LE, lo));
        c12 = c12.blend(lo, c12.compare(LE, lo)); c13 = c13.blend(lo, c13.compare(LE, lo));
        c20 = c20.blend(lo, c20.compare(LE, lo)); c21 = c21.blend(lo, c21.compare(LE, lo));
        c22 = c22.blend(lo, c22.compare(LE, lo)); c23 = c23.blend(lo, c23.compare(LE, lo));
        c00.intoArray(c, c0); c01.intoArray(c, c0 + L); c02.intoArray(c, c0 + 2 * L); c03.intoArray(c, c0 + 3 * L);
        c10.intoArray(c, c1); c11.intoArray(c, c1 + L); c12.intoArray(c, c1 + 2 * L); c13.intoArray(c, c1 + 3 * L);
        c20.intoArray(c, c2); c21.intoArray(c, c2 + L); c22.intoArray(c, c2 + 2 * L); c23.intoArray(c, c2 + 3 * L);
    }

    public static void main(String[] args) {
        for (String sh : System.getProperty("shapes", "12544,16;3136,24;3136,64;196,576;49,1152").split(";")) {
            int[] s = Arrays.stream(sh.split(",")).mapToInt(Integer::parseInt).toArray();
            G3 g = new G3(s[0] - s[0] % 6, s[1]);
            g.run2(); float[] ref = g.c.clone(); g.run3();
            System.out.println(sh + " equal: " + Arrays.equals(ref, g.c));
            double flops = 2.0 * g.m * g.k * NR;
            int reps = (int) Math.max(50, 3e9 / flops);
            double b2 = 0, b3 = 0;
            for (int round = 0; round < 8; round++) {
                long t0 = System.nanoTime(); for (int i = 0; i < reps; i++) g.run2();
                long t1 = System.nanoTime(); for (int i = 0; i < reps; i++) g.run3();
                long t2 = System.nanoTime();
                if (round >= 2) { b2 = Math.max(b2, flops * reps / (t1 - t0)); b3 = Math.max(b3, flops * reps / (t2 - t1)); }
            }
            System.out.printf("%-12s 2x4 %.1f GFLOPS   3x4 %.1f GFLOPS%n", sh, b2, b3);
        }
    }
}
