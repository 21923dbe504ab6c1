import static jdk.incubator.vector.VectorOperators.*;
import jdk.incubator.vector.*;
import java.util.*;
import dev.mobilevec.kernels.*;

/**
 * Stand-alone: 1x1 with Cout = one vector (8 at 256 bits), small K. Same chains (bias, then k ascending) in every
 * variant, checked bitwise against the first. cur6: 6 x 1 with the row loop in the method; r12 / r8: 12 x 1 and 8 x 1;
 * call6: a plain 6 x 1 tile called per 6 rows; call6m: the kernel's former tile6x1 (row count, mask, odd-K step
 * first); call6n: its tile6x1 now (whole row groups); call6a: the same with the odd-K step after the loop; kern: the
 * kernel itself. Run with -XX:CompileCommand=dontinline,K8::tile6* so each tile is a call, as in the kernel:
 * java --add-modules jdk.incubator.vector -XX:ObjectAlignmentInBytes=64 -XX:CompileCommand=dontinline,K8::tile6*
 *      -cp kernels.jar:. K8 16 12544
 */
public class K8 {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length(), NR = 4 * L;
    static int K, M;
    static float[] a, w, bias, c;
    static final int OFF = 12;
    static PreparedConv pc;
    static void kern(int r0, int r1) { pc.run(1, a, OFF, c, OFF, 0, pc.workUnits(1)); }

    static void cur6(int r0, int r1) {
        final int kk = K, nn = L;
        for (int r = r0; r + 6 <= r1; r += 6) {
            int aOff = OFF + r * kk, q = OFF + r * nn;
            FloatVector c0, c1, c2, c3, c4, c5;
            c0 = c1 = c2 = c3 = c4 = c5 = FloatVector.fromArray(S, bias, 0);
            int a0 = aOff, a1 = a0 + kk, a2 = a1 + kk, a3 = a2 + kk, a4 = a3 + kk, a5 = a4 + kk;
            int bi = 0;
            for (int i = 0; i < kk; i += 2, bi += 2 * NR) {
                int i0 = a0 + i, i1 = a1 + i, i2 = a2 + i, i3 = a3 + i, i4 = a4 + i, i5 = a5 + i;
                FloatVector x = FloatVector.fromArray(S, w, bi), v = FloatVector.fromArray(S, w, bi + NR);
                c0 = x.fma(FloatVector.broadcast(S, a[i0]), c0);
                c1 = x.fma(FloatVector.broadcast(S, a[i1]), c1);
                c2 = x.fma(FloatVector.broadcast(S, a[i2]), c2);
                c3 = x.fma(FloatVector.broadcast(S, a[i3]), c3);
                c4 = x.fma(FloatVector.broadcast(S, a[i4]), c4);
                c5 = x.fma(FloatVector.broadcast(S, a[i5]), c5);
                c0 = v.fma(FloatVector.broadcast(S, a[i0 + 1]), c0);
                c1 = v.fma(FloatVector.broadcast(S, a[i1 + 1]), c1);
                c2 = v.fma(FloatVector.broadcast(S, a[i2 + 1]), c2);
                c3 = v.fma(FloatVector.broadcast(S, a[i3 + 1]), c3);
                c4 = v.fma(FloatVector.broadcast(S, a[i4 + 1]), c4);
                c5 = v.fma(FloatVector.broadcast(S, a[i5 + 1]), c5);
            }
            c0.intoArray(c, q); c1.intoArray(c, q + nn); c2.intoArray(c, q + 2 * nn);
            c3.intoArray(c, q + 3 * nn); c4.intoArray(c, q + 4 * nn); c5.intoArray(c, q + 5 * nn);
        }
    }

    static void r12(int r0, int r1) {
        final int kk = K, nn = L;
        for (int r = r0; r + 12 <= r1; r += 12) {
            int a0 = OFF + r * kk, q = OFF + r * nn;
            FloatVector c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, ca, cb;
            c0 = c1 = c2 = c3 = c4 = c5 = c6 = c7 = c8 = c9 = ca = cb = FloatVector.fromArray(S, bias, 0);
            int bi = 0;
            for (int i = 0; i < kk; i++, bi += NR) {
                int i0 = a0 + i;
                FloatVector x = FloatVector.fromArray(S, w, bi);
                c0 = x.fma(FloatVector.broadcast(S, a[i0]), c0);
                c1 = x.fma(FloatVector.broadcast(S, a[i0 + kk]), c1);
                c2 = x.fma(FloatVector.broadcast(S, a[i0 + 2 * kk]), c2);
                c3 = x.fma(FloatVector.broadcast(S, a[i0 + 3 * kk]), c3);
                c4 = x.fma(FloatVector.broadcast(S, a[i0 + 4 * kk]), c4);
                c5 = x.fma(FloatVector.broadcast(S, a[i0 + 5 * kk]), c5);
                c6 = x.fma(FloatVector.broadcast(S, a[i0 + 6 * kk]), c6);
                c7 = x.fma(FloatVector.broadcast(S, a[i0 + 7 * kk]), c7);
                c8 = x.fma(FloatVector.broadcast(S, a[i0 + 8 * kk]), c8);
                c9 = x.fma(FloatVector.broadcast(S, a[i0 + 9 * kk]), c9);
                ca = x.fma(FloatVector.broadcast(S, a[i0 + 10 * kk]), ca);
                cb = x.fma(FloatVector.broadcast(S, a[i0 + 11 * kk]), cb);
            }
            c0.intoArray(c, q); c1.intoArray(c, q + nn); c2.intoArray(c, q + 2 * nn); c3.intoArray(c, q + 3 * nn);
            c4.intoArray(c, q + 4 * nn); c5.intoArray(c, q + 5 * nn); c6.intoArray(c, q + 6 * nn); c7.intoArray(c, q + 7 * nn);
            c8.intoArray(c, q + 8 * nn); c9.intoArray(c, q + 9 * nn); ca.intoArray(c, q + 10 * nn); cb.intoArray(c, q + 11 * nn);
        }
    }

    static void r8(int r0, int r1) {
        final int kk = K, nn = L;
        for (int r = r0; r + 8 <= r1; r += 8) {
            int a0 = OFF + r * kk, q = OFF + r * nn;
            FloatVector c0, c1, c2, c3, c4, c5, c6, c7;
            c0 = c1 = c2 = c3 = c4 = c5 = c6 = c7 = FloatVector.fromArray(S, bias, 0);
            int bi = 0;
            for (int i = 0; i < kk; i++, bi += NR) {
                int i0 = a0 + i;
                FloatVector x = FloatVector.fromArray(S, w, bi);
                c0 = x.fma(FloatVector.broadcast(S, a[i0]), c0);
                c1 = x.fma(FloatVector.broadcast(S, a[i0 + kk]), c1);
                c2 = x.fma(FloatVector.broadcast(S, a[i0 + 2 * kk]), c2);
                c3 = x.fma(FloatVector.broadcast(S, a[i0 + 3 * kk]), c3);
                c4 = x.fma(FloatVector.broadcast(S, a[i0 + 4 * kk]), c4);
                c5 = x.fma(FloatVector.broadcast(S, a[i0 + 5 * kk]), c5);
                c6 = x.fma(FloatVector.broadcast(S, a[i0 + 6 * kk]), c6);
                c7 = x.fma(FloatVector.broadcast(S, a[i0 + 7 * kk]), c7);
            }
            c0.intoArray(c, q); c1.intoArray(c, q + nn); c2.intoArray(c, q + 2 * nn); c3.intoArray(c, q + 3 * nn);
            c4.intoArray(c, q + 4 * nn); c5.intoArray(c, q + 5 * nn); c6.intoArray(c, q + 6 * nn); c7.intoArray(c, q + 7 * nn);
        }
    }


    static void call6(int r0, int r1) {
        for (int r = r0; r + 6 <= r1; r += 6) {
            tile6(a, OFF + r * K, c, OFF + r * L, 0, 0, 6);
        }
    }
    static void call6m(int r0, int r1) {
        for (int r = r0; r + 6 <= r1; r += 6) {
            tile6m(a, OFF + r * K, c, OFF + r * L, 0, 0, 6);
        }
    }
    static void tile6(float[] a, int aOff, float[] c, int cOff, int p, int j, int rows) {
        final int kk = K, nn = L;
        int q = cOff;
        FloatVector c0, c1, c2, c3, c4, c5;
        c0 = c1 = c2 = c3 = c4 = c5 = FloatVector.fromArray(S, bias, 0);
        int a0 = aOff, a1 = a0 + kk, a2 = a1 + kk, a3 = a2 + kk, a4 = a3 + kk, a5 = a4 + kk;
        int bi = 0;
        for (int i = 0; i < kk; i += 2, bi += 2 * NR) {
            int i0 = a0 + i, i1 = a1 + i, i2 = a2 + i, i3 = a3 + i, i4 = a4 + i, i5 = a5 + i;
            FloatVector x = FloatVector.fromArray(S, w, bi), v = FloatVector.fromArray(S, w, bi + NR);
            c0 = x.fma(FloatVector.broadcast(S, a[i0]), c0);
            c1 = x.fma(FloatVector.broadcast(S, a[i1]), c1);
            c2 = x.fma(FloatVector.broadcast(S, a[i2]), c2);
            c3 = x.fma(FloatVector.broadcast(S, a[i3]), c3);
            c4 = x.fma(FloatVector.broadcast(S, a[i4]), c4);
            c5 = x.fma(FloatVector.broadcast(S, a[i5]), c5);
            c0 = v.fma(FloatVector.broadcast(S, a[i0 + 1]), c0);
            c1 = v.fma(FloatVector.broadcast(S, a[i1 + 1]), c1);
            c2 = v.fma(FloatVector.broadcast(S, a[i2 + 1]), c2);
            c3 = v.fma(FloatVector.broadcast(S, a[i3 + 1]), c3);
            c4 = v.fma(FloatVector.broadcast(S, a[i4 + 1]), c4);
            c5 = v.fma(FloatVector.broadcast(S, a[i5 + 1]), c5);
        }
        c0.intoArray(c, q); c1.intoArray(c, q + nn); c2.intoArray(c, q + 2 * nn);
        c3.intoArray(c, q + 3 * nn); c4.intoArray(c, q + 4 * nn); c5.intoArray(c, q + 5 * nn);
    }
    static void tile6m(float[] a, int aOff, float[] c, int cOff, int p, int j, int rows) {
        final int kk = K, nn = L;
        VectorMask<Float> m = VectorMask.fromLong(S, nn - j >= L ? -1L >>> (64 - L) : (1L << (nn - j)) - 1);
        boolean whole = j + L <= nn;
        final int m1 = Math.min(1, rows - 1), m2 = Math.min(2, rows - 1), m3 = Math.min(3, rows - 1), m4 = Math.min(4, rows - 1), m5 = Math.min(5, rows - 1);
        int q = cOff + j, q1 = q + m1 * nn, q2 = q + m2 * nn, q3 = q + m3 * nn, q4 = q + m4 * nn, q5 = q + m5 * nn;
        FloatVector c0, c1, c2, c3, c4, c5;
        c0 = c1 = c2 = c3 = c4 = c5 = FloatVector.fromArray(S, bias, j);
        int a0 = aOff, a1 = a0 + m1 * kk, a2 = a0 + m2 * kk, a3 = a0 + m3 * kk, a4 = a0 + m4 * kk, a5 = a0 + m5 * kk;
        int bi = p * kk * NR + (j - p * NR);
        int i = 0;
        if ((kk & 1) != 0) {
            FloatVector x = FloatVector.fromArray(S, w, bi);
            c0 = x.fma(FloatVector.broadcast(S, a[a0]), c0);
            c1 = x.fma(FloatVector.broadcast(S, a[a1]), c1);
            c2 = x.fma(FloatVector.broadcast(S, a[a2]), c2);
            c3 = x.fma(FloatVector.broadcast(S, a[a3]), c3);
            c4 = x.fma(FloatVector.broadcast(S, a[a4]), c4);
            c5 = x.fma(FloatVector.broadcast(S, a[a5]), c5);
            i++; bi += NR;
        }
        for (; i < kk; i += 2, bi += 2 * NR) {
            int i0 = a0 + i, i1 = a1 + i, i2 = a2 + i, i3 = a3 + i, i4 = a4 + i, i5 = a5 + i;
            FloatVector x = FloatVector.fromArray(S, w, bi), v = FloatVector.fromArray(S, w, bi + NR);
            c0 = x.fma(FloatVector.broadcast(S, a[i0]), c0);
            c1 = x.fma(FloatVector.broadcast(S, a[i1]), c1);
            c2 = x.fma(FloatVector.broadcast(S, a[i2]), c2);
            c3 = x.fma(FloatVector.broadcast(S, a[i3]), c3);
            c4 = x.fma(FloatVector.broadcast(S, a[i4]), c4);
            c5 = x.fma(FloatVector.broadcast(S, a[i5]), c5);
            c0 = v.fma(FloatVector.broadcast(S, a[i0 + 1]), c0);
            c1 = v.fma(FloatVector.broadcast(S, a[i1 + 1]), c1);
            c2 = v.fma(FloatVector.broadcast(S, a[i2 + 1]), c2);
            c3 = v.fma(FloatVector.broadcast(S, a[i3 + 1]), c3);
            c4 = v.fma(FloatVector.broadcast(S, a[i4 + 1]), c4);
            c5 = v.fma(FloatVector.broadcast(S, a[i5 + 1]), c5);
        }
        if (whole) {
            c0.intoArray(c, q); c1.intoArray(c, q1); c2.intoArray(c, q2);
            c3.intoArray(c, q3); c4.intoArray(c, q4); c5.intoArray(c, q5);
        } else {
            c0.intoArray(c, q, m); c1.intoArray(c, q1, m); c2.intoArray(c, q2, m);
            c3.intoArray(c, q3, m); c4.intoArray(c, q4, m); c5.intoArray(c, q5, m);
        }
    }

    static void tile6n(float[] a, int aOff, float[] c, int cOff, int p, int j) {
            final int kk = K, nn = L;
            boolean whole = j + L <= nn;
            int q = cOff + j, q1 = q + nn, q2 = q1 + nn, q3 = q2 + nn, q4 = q3 + nn, q5 = q4 + nn;
            FloatVector c0, c1, c2, c3, c4, c5;
            c0 = c1 = c2 = c3 = c4 = c5 = FloatVector.fromArray(S, bias, j);
            int a0 = aOff, a1 = a0 + kk, a2 = a1 + kk, a3 = a2 + kk, a4 = a3 + kk, a5 = a4 + kk;
            int bi = p * kk * NR + (j - p * NR);
            int i = 0;
            if ((kk & 1) != 0) {
                FloatVector x = FloatVector.fromArray(S, w, bi);
                c0 = x.fma(FloatVector.broadcast(S, a[a0]), c0);
                c1 = x.fma(FloatVector.broadcast(S, a[a1]), c1);
                c2 = x.fma(FloatVector.broadcast(S, a[a2]), c2);
                c3 = x.fma(FloatVector.broadcast(S, a[a3]), c3);
                c4 = x.fma(FloatVector.broadcast(S, a[a4]), c4);
                c5 = x.fma(FloatVector.broadcast(S, a[a5]), c5);
                i++;
                bi += NR;
            }
            for (; i < kk; i += 2, bi += 2 * NR) {
                int i0 = a0 + i, i1 = a1 + i, i2 = a2 + i, i3 = a3 + i, i4 = a4 + i, i5 = a5 + i;
                FloatVector x = FloatVector.fromArray(S, w, bi), v = FloatVector.fromArray(S, w, bi + NR);
                c0 = x.fma(FloatVector.broadcast(S, a[i0]), c0);
                c1 = x.fma(FloatVector.broadcast(S, a[i1]), c1);
                c2 = x.fma(FloatVector.broadcast(S, a[i2]), c2);
                c3 = x.fma(FloatVector.broadcast(S, a[i3]), c3);
                c4 = x.fma(FloatVector.broadcast(S, a[i4]), c4);
                c5 = x.fma(FloatVector.broadcast(S, a[i5]), c5);
                c0 = v.fma(FloatVector.broadcast(S, a[i0 + 1]), c0);
                c1 = v.fma(FloatVector.broadcast(S, a[i1 + 1]), c1);
                c2 = v.fma(FloatVector.broadcast(S, a[i2 + 1]), c2);
                c3 = v.fma(FloatVector.broadcast(S, a[i3 + 1]), c3);
                c4 = v.fma(FloatVector.broadcast(S, a[i4 + 1]), c4);
                c5 = v.fma(FloatVector.broadcast(S, a[i5 + 1]), c5);
            }
            FloatVector lo = FloatVector.broadcast(S, TMIN), hi = FloatVector.broadcast(S, TMAX);
            int cl = CL;
            if (cl != 0) {
                c0 = c0.blend(lo, c0.compare(LE, lo)); c1 = c1.blend(lo, c1.compare(LE, lo));
                c2 = c2.blend(lo, c2.compare(LE, lo)); c3 = c3.blend(lo, c3.compare(LE, lo));
                c4 = c4.blend(lo, c4.compare(LE, lo)); c5 = c5.blend(lo, c5.compare(LE, lo));
                if (cl == 2) {
                    c0 = c0.blend(hi, c0.compare(GE, hi)); c1 = c1.blend(hi, c1.compare(GE, hi));
                    c2 = c2.blend(hi, c2.compare(GE, hi)); c3 = c3.blend(hi, c3.compare(GE, hi));
                    c4 = c4.blend(hi, c4.compare(GE, hi)); c5 = c5.blend(hi, c5.compare(GE, hi));
                }
            }
            if (whole) {
                c0.intoArray(c, q); c1.intoArray(c, q1); c2.intoArray(c, q2);
                c3.intoArray(c, q3); c4.intoArray(c, q4); c5.intoArray(c, q5);
            } else {
                VectorMask<Float> m = VectorMask.fromLong(S, (1L << (nn - j)) - 1);
                c0.intoArray(c, q, m); c1.intoArray(c, q1, m); c2.intoArray(c, q2, m);
                c3.intoArray(c, q3, m); c4.intoArray(c, q4, m); c5.intoArray(c, q5, m);
            }
        }

    static void tile6a(float[] a, int aOff, float[] c, int cOff, int p, int j) {
            final int kk = K, nn = L;
            boolean whole = j + L <= nn;
            int q = cOff + j, q1 = q + nn, q2 = q1 + nn, q3 = q2 + nn, q4 = q3 + nn, q5 = q4 + nn;
            FloatVector c0, c1, c2, c3, c4, c5;
            c0 = c1 = c2 = c3 = c4 = c5 = FloatVector.fromArray(S, bias, j);
            int a0 = aOff, a1 = a0 + kk, a2 = a1 + kk, a3 = a2 + kk, a4 = a3 + kk, a5 = a4 + kk;
            int bi = p * kk * NR + (j - p * NR);
            int i = 0;
            for (; i + 1 < kk; i += 2, bi += 2 * NR) {
                int i0 = a0 + i, i1 = a1 + i, i2 = a2 + i, i3 = a3 + i, i4 = a4 + i, i5 = a5 + i;
                FloatVector x = FloatVector.fromArray(S, w, bi), v = FloatVector.fromArray(S, w, bi + NR);
                c0 = x.fma(FloatVector.broadcast(S, a[i0]), c0);
                c1 = x.fma(FloatVector.broadcast(S, a[i1]), c1);
                c2 = x.fma(FloatVector.broadcast(S, a[i2]), c2);
                c3 = x.fma(FloatVector.broadcast(S, a[i3]), c3);
                c4 = x.fma(FloatVector.broadcast(S, a[i4]), c4);
                c5 = x.fma(FloatVector.broadcast(S, a[i5]), c5);
                c0 = v.fma(FloatVector.broadcast(S, a[i0 + 1]), c0);
                c1 = v.fma(FloatVector.broadcast(S, a[i1 + 1]), c1);
                c2 = v.fma(FloatVector.broadcast(S, a[i2 + 1]), c2);
                c3 = v.fma(FloatVector.broadcast(S, a[i3 + 1]), c3);
                c4 = v.fma(FloatVector.broadcast(S, a[i4 + 1]), c4);
                c5 = v.fma(FloatVector.broadcast(S, a[i5 + 1]), c5);
            }
            if (i < kk) {
                FloatVector x = FloatVector.fromArray(S, w, bi);
                c0 = x.fma(FloatVector.broadcast(S, a[a0]), c0);
                c1 = x.fma(FloatVector.broadcast(S, a[a1]), c1);
                c2 = x.fma(FloatVector.broadcast(S, a[a2]), c2);
                c3 = x.fma(FloatVector.broadcast(S, a[a3]), c3);
                c4 = x.fma(FloatVector.broadcast(S, a[a4]), c4);
                c5 = x.fma(FloatVector.broadcast(S, a[a5]), c5);
                i++;
                bi += NR;
            }
            FloatVector lo = FloatVector.broadcast(S, TMIN), hi = FloatVector.broadcast(S, TMAX);
            int cl = CL;
            if (cl != 0) {
                c0 = c0.blend(lo, c0.compare(LE, lo)); c1 = c1.blend(lo, c1.compare(LE, lo));
                c2 = c2.blend(lo, c2.compare(LE, lo)); c3 = c3.blend(lo, c3.compare(LE, lo));
                c4 = c4.blend(lo, c4.compare(LE, lo)); c5 = c5.blend(lo, c5.compare(LE, lo));
                if (cl == 2) {
                    c0 = c0.blend(hi, c0.compare(GE, hi)); c1 = c1.blend(hi, c1.compare(GE, hi));
                    c2 = c2.blend(hi, c2.compare(GE, hi)); c3 = c3.blend(hi, c3.compare(GE, hi));
                    c4 = c4.blend(hi, c4.compare(GE, hi)); c5 = c5.blend(hi, c5.compare(GE, hi));
                }
            }
            if (whole) {
                c0.intoArray(c, q); c1.intoArray(c, q1); c2.intoArray(c, q2);
                c3.intoArray(c, q3); c4.intoArray(c, q4); c5.intoArray(c, q5);
            } else {
                VectorMask<Float> m = VectorMask.fromLong(S, (1L << (nn - j)) - 1);
                c0.intoArray(c, q, m); c1.intoArray(c, q1, m); c2.intoArray(c, q2, m);
                c3.intoArray(c, q3, m); c4.intoArray(c, q4, m); c5.intoArray(c, q5, m);
            }
        }

    static void call6a(int r0, int r1) { for (int r = r0; r + 6 <= r1; r += 6) tile6a(a, OFF + r * K, c, OFF + r * L, 0, 0); }
    static float TMIN = Float.NEGATIVE_INFINITY, TMAX = Float.POSITIVE_INFINITY; static int CL = 0;
    static void call6n(int r0, int r1) { for (int r = r0; r + 6 <= r1; r += 6) tile6n(a, OFF + r * K, c, OFF + r * L, 0, 0); }

    interface V { void run(int r0, int r1); }

    public static void main(String[] args) {
        K = Integer.parseInt(args[0]);
        M = Integer.parseInt(args[1]);
        Random rnd = new Random(1);
        a = new float[OFF + M * K + 64]; w = new float[K * NR]; bias = new float[NR]; c = new float[OFF + M * L + 64];
        for (int i = 0; i < a.length; i++) a[i] = rnd.nextFloat() - 0.5f;
        for (int i = 0; i < w.length; i++) w[i] = rnd.nextFloat() - 0.5f;
        for (int i = 0; i < L; i++) bias[i] = rnd.nextFloat();
        float[] ww = new float[L * K];
        for (int co = 0; co < L; co++) for (int ci = 0; ci < K; ci++) ww[co * K + ci] = w[ci * NR + co];
        int mm = M / 24 * 24;
        pc = PointwiseGemm.INSTANCE.prepare(ConvSpec.pointwise(1, mm, K, L), ww, Arrays.copyOf(bias, L), Activation.NONE);
        String[] names = {"cur6", "r12", "r8", "call6", "call6m", "call6n", "call6a", "kern"};
        V[] vs = {K8::cur6, K8::r12, K8::r8, K8::call6, K8::call6m, K8::call6n, K8::call6a, K8::kern};
        float[] ref = null;
        for (int v = 0; v < vs.length; v++) {
            Arrays.fill(c, 0); vs[v].run(0, mm);
            if (ref == null) ref = c.clone(); else if (!Arrays.equals(ref, c)) System.out.println(names[v] + " differs");
        }
        double flops = 2.0 * mm * K * L;
        for (int round = 0; round < 6; round++) {
            StringBuilder sb = new StringBuilder("K=" + K + " M=" + mm + ":");
            for (int v = 0; v < vs.length; v++) {
                int reps = Math.max(1, (int) (2e8 / flops));
                for (int i = 0; i < reps; i++) vs[v].run(0, mm);
                long best = Long.MAX_VALUE;
                for (int t = 0; t < 5; t++) {
                    long t0 = System.nanoTime();
                    for (int i = 0; i < reps; i++) vs[v].run(0, mm);
                    best = Math.min(best, System.nanoTime() - t0);
                }
                sb.append(String.format("  %s %.1f", names[v], flops * reps / best));
            }
            if (round >= 3) System.out.println(sb);
        }
    }
}
