import dev.mobilevec.kernels.*;
import jdk.incubator.vector.*;
import java.lang.foreign.*;
import java.util.*;

public class KPairProbeCached {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final VectorSpecies<Long> SL = S.withLanes(long.class);
    static final int L = S.length();
    static final ValueLayout.OfLong JL = ValueLayout.JAVA_LONG_UNALIGNED;
    static final FloatVector EVEN, ODD;
    static {
        float[] e = new float[L], o = new float[L];
        for (int i = 0; i < L; i++) { e[i] = 2 * i; o[i] = 2 * i + 1; }
        EVEN = FloatVector.fromArray(S, e, 0); ODD = FloatVector.fromArray(S, o, 0);
    }

    // out[p][j] = bias[j] + sum_k a[p][k] W[k][j], n = L/2, k even; wq packed [k/2][2j+par]; binit [2j] = bias
    static void runQ(float[] a, int aOff, float[] wq, float[] binit, float[] c, int cOff, int pixels, int k) {
        MemorySegment seg = MemorySegment.ofArray(a);
        int n = L / 2;
        int p = 0;
        for (; p + 8 <= pixels; p += 8) {
            FloatVector b = FloatVector.fromArray(S, binit, 0);
            FloatVector c0 = b, c1 = b, c2 = b, c3 = b, c4 = b, c5 = b, c6 = b, c7 = b;
            long a0 = 4L * (aOff + p * k), st = 4L * k;
            for (int i = 0, wi = 0; i < k; i += 2, wi += L) {
                FloatVector w = FloatVector.fromArray(S, wq, wi);
                long o = a0 + 4L * i;
                c0 = w.fma(LongVector.broadcast(SL, seg.get(JL, o)).reinterpretAsFloats(), c0);
                c1 = w.fma(LongVector.broadcast(SL, seg.get(JL, o + st)).reinterpretAsFloats(), c1);
                c2 = w.fma(LongVector.broadcast(SL, seg.get(JL, o + 2 * st)).reinterpretAsFloats(), c2);
                c3 = w.fma(LongVector.broadcast(SL, seg.get(JL, o + 3 * st)).reinterpretAsFloats(), c3);
                c4 = w.fma(LongVector.broadcast(SL, seg.get(JL, o + 4 * st)).reinterpretAsFloats(), c4);
                c5 = w.fma(LongVector.broadcast(SL, seg.get(JL, o + 5 * st)).reinterpretAsFloats(), c5);
                c6 = w.fma(LongVector.broadcast(SL, seg.get(JL, o + 6 * st)).reinterpretAsFloats(), c6);
                c7 = w.fma(LongVector.broadcast(SL, seg.get(JL, o + 7 * st)).reinterpretAsFloats(), c7);
            }
            int q = cOff + p * n;
            EVEN.selectFrom(c0, c1).add(ODD.selectFrom(c0, c1)).intoArray(c, q);
            EVEN.selectFrom(c2, c3).add(ODD.selectFrom(c2, c3)).intoArray(c, q + 2 * n);
            EVEN.selectFrom(c4, c5).add(ODD.selectFrom(c4, c5)).intoArray(c, q + 4 * n);
            EVEN.selectFrom(c6, c7).add(ODD.selectFrom(c6, c7)).intoArray(c, q + 6 * n);
        }
    }


    // K = 16 only: weights in 8 registers, 8 pixels per tile, offsets from one base
    static void runQ2(float[] a, int aOff, float[] wq, float[] binit, float[] c, int cOff, int pixels, int k) {
        MemorySegment seg = MemorySegment.ofArray(a);
        int n = L / 2;
        FloatVector w0 = FloatVector.fromArray(S, wq, 0), w1 = FloatVector.fromArray(S, wq, L), w2 = FloatVector.fromArray(S, wq, 2 * L),
            w3 = FloatVector.fromArray(S, wq, 3 * L), w4 = FloatVector.fromArray(S, wq, 4 * L), w5 = FloatVector.fromArray(S, wq, 5 * L),
            w6 = FloatVector.fromArray(S, wq, 6 * L), w7 = FloatVector.fromArray(S, wq, 7 * L);
        FloatVector b = FloatVector.fromArray(S, binit, 0);
        for (int p = 0; p + 2 <= pixels; p += 2) {
            long o = 4L * (aOff + p * 16);
            FloatVector c0 = b, c1 = b;
            c0 = w0.fma(LongVector.broadcast(SL, seg.get(JL, o)).reinterpretAsFloats(), c0);
            c1 = w0.fma(LongVector.broadcast(SL, seg.get(JL, o + 64)).reinterpretAsFloats(), c1);
            c0 = w1.fma(LongVector.broadcast(SL, seg.get(JL, o + 8)).reinterpretAsFloats(), c0);
            c1 = w1.fma(LongVector.broadcast(SL, seg.get(JL, o + 72)).reinterpretAsFloats(), c1);
            c0 = w2.fma(LongVector.broadcast(SL, seg.get(JL, o + 16)).reinterpretAsFloats(), c0);
            c1 = w2.fma(LongVector.broadcast(SL, seg.get(JL, o + 80)).reinterpretAsFloats(), c1);
            c0 = w3.fma(LongVector.broadcast(SL, seg.get(JL, o + 24)).reinterpretAsFloats(), c0);
            c1 = w3.fma(LongVector.broadcast(SL, seg.get(JL, o + 88)).reinterpretAsFloats(), c1);
            c0 = w4.fma(LongVector.broadcast(SL, seg.get(JL, o + 32)).reinterpretAsFloats(), c0);
            c1 = w4.fma(LongVector.broadcast(SL, seg.get(JL, o + 96)).reinterpretAsFloats(), c1);
            c0 = w5.fma(LongVector.broadcast(SL, seg.get(JL, o + 40)).reinterpretAsFloats(), c0);
            c1 = w5.fma(LongVector.broadcast(SL, seg.get(JL, o + 104)).reinterpretAsFloats(), c1);
            c0 = w6.fma(LongVector.broadcast(SL, seg.get(JL, o + 48)).reinterpretAsFloats(), c0);
            c1 = w6.fma(LongVector.broadcast(SL, seg.get(JL, o + 112)).reinterpretAsFloats(), c1);
            c0 = w7.fma(LongVector.broadcast(SL, seg.get(JL, o + 56)).reinterpretAsFloats(), c0);
            c1 = w7.fma(LongVector.broadcast(SL, seg.get(JL, o + 120)).reinterpretAsFloats(), c1);
            EVEN.selectFrom(c0, c1).add(ODD.selectFrom(c0, c1)).intoArray(c, cOff + p * n);
        }
    }


    static final class Seg { final float[] array; final MemorySegment seg; Seg(float[] a) { array = a; seg = MemorySegment.ofArray(a); } }
    static final java.lang.ref.WeakReference<?>[] CACHE = new java.lang.ref.WeakReference<?>[4];
    static int next;
    static MemorySegment segment(float[] a) {
        java.lang.ref.WeakReference<?>[] c = CACHE;
        for (int i = 0; i < c.length; i++) {
            java.lang.ref.WeakReference<?> r = c[i];
            if (r != null && r.get() instanceof Seg h && h.array == a) return h.seg;
        }
        Seg h = new Seg(a);
        c[(next++) & 3] = new java.lang.ref.WeakReference<>(h);
        return h.seg;
    }
    static void runQ6(float[] a, int aOff, float[] wq, float[] binit, float[] c, int cOff, int pixels, int k) {
        MemorySegment seg = segment(a);
        int n = L / 2;
        FloatVector w0 = FloatVector.fromArray(S, wq, 0), w1 = FloatVector.fromArray(S, wq, L), w2 = FloatVector.fromArray(S, wq, 2 * L),
            w3 = FloatVector.fromArray(S, wq, 3 * L), w4 = FloatVector.fromArray(S, wq, 4 * L), w5 = FloatVector.fromArray(S, wq, 5 * L),
            w6 = FloatVector.fromArray(S, wq, 6 * L), w7 = FloatVector.fromArray(S, wq, 7 * L);
        FloatVector b = FloatVector.fromArray(S, binit, 0);
        for (int p = 0; p + 2 <= pixels; p += 2) {
            long o = 4L * (aOff + p * 16);
            FloatVector c0 = b, c1 = b;
            c0 = w0.fma(LongVector.broadcast(SL, seg.get(JL, o)).reinterpretAsFloats(), c0);
            c1 = w0.fma(LongVector.broadcast(SL, seg.get(JL, o + 64)).reinterpretAsFloats(), c1);
            c0 = w1.fma(LongVector.broadcast(SL, seg.get(JL, o + 8)).reinterpretAsFloats(), c0);
            c1 = w1.fma(LongVector.broadcast(SL, seg.get(JL, o + 72)).reinterpretAsFloats(), c1);
            c0 = w2.fma(LongVector.broadcast(SL, seg.get(JL, o + 16)).reinterpretAsFloats(), c0);
            c1 = w2.fma(LongVector.broadcast(SL, seg.get(JL, o + 80)).reinterpretAsFloats(), c1);
            c0 = w3.fma(LongVector.broadcast(SL, seg.get(JL, o + 24)).reinterpretAsFloats(), c0);
            c1 = w3.fma(LongVector.broadcast(SL, seg.get(JL, o + 88)).reinterpretAsFloats(), c1);
            c0 = w4.fma(LongVector.broadcast(SL, seg.get(JL, o + 32)).reinterpretAsFloats(), c0);
            c1 = w4.fma(LongVector.broadcast(SL, seg.get(JL, o + 96)).reinterpretAsFloats(), c1);
            c0 = w5.fma(LongVector.broadcast(SL, seg.get(JL, o + 40)).reinterpretAsFloats(), c0);
            c1 = w5.fma(LongVector.broadcast(SL, seg.get(JL, o + 104)).reinterpretAsFloats(), c1);
            c0 = w6.fma(LongVector.broadcast(SL, seg.get(JL, o + 48)).reinterpretAsFloats(), c0);
            c1 = w6.fma(LongVector.broadcast(SL, seg.get(JL, o + 112)).reinterpretAsFloats(), c1);
            c0 = w7.fma(LongVector.broadcast(SL, seg.get(JL, o + 56)).reinterpretAsFloats(), c0);
            c1 = w7.fma(LongVector.broadcast(SL, seg.get(JL, o + 120)).reinterpretAsFloats(), c1);
            EVEN.selectFrom(c0, c1).add(ODD.selectFrom(c0, c1)).intoArray(c, cOff + p * n);
        }
    }

    static void runQ5(float[] a, int aOff, float[] wq, float[] binit, float[] c, int cOff, int pixels, int k) {
        int n = L / 2;
        FloatVector w0 = FloatVector.fromArray(S, wq, 0), w1 = FloatVector.fromArray(S, wq, L), w2 = FloatVector.fromArray(S, wq, 2 * L),
            w3 = FloatVector.fromArray(S, wq, 3 * L), w4 = FloatVector.fromArray(S, wq, 4 * L), w5 = FloatVector.fromArray(S, wq, 5 * L),
            w6 = FloatVector.fromArray(S, wq, 6 * L), w7 = FloatVector.fromArray(S, wq, 7 * L);
        FloatVector b = FloatVector.fromArray(S, binit, 0);
        for (int p = 0; p + 2 <= pixels; p += 2) {
            long o = 4L * (aOff + p * 16);
            MemorySegment seg = MemorySegment.ofArray(a);
            FloatVector c0 = b, c1 = b;
            c0 = w0.fma(LongVector.broadcast(SL, seg.get(JL, o)).reinterpretAsFloats(), c0);
            c1 = w0.fma(LongVector.broadcast(SL, seg.get(JL, o + 64)).reinterpretAsFloats(), c1);
            c0 = w1.fma(LongVector.broadcast(SL, seg.get(JL, o + 8)).reinterpretAsFloats(), c0);
            c1 = w1.fma(LongVector.broadcast(SL, seg.get(JL, o + 72)).reinterpretAsFloats(), c1);
            c0 = w2.fma(LongVector.broadcast(SL, seg.get(JL, o + 16)).reinterpretAsFloats(), c0);
            c1 = w2.fma(LongVector.broadcast(SL, seg.get(JL, o + 80)).reinterpretAsFloats(), c1);
            c0 = w3.fma(LongVector.broadcast(SL, seg.get(JL, o + 24)).reinterpretAsFloats(), c0);
            c1 = w3.fma(LongVector.broadcast(SL, seg.get(JL, o + 88)).reinterpretAsFloats(), c1);
            c0 = w4.fma(LongVector.broadcast(SL, seg.get(JL, o + 32)).reinterpretAsFloats(), c0);
            c1 = w4.fma(LongVector.broadcast(SL, seg.get(JL, o + 96)).reinterpretAsFloats(), c1);
            c0 = w5.fma(LongVector.broadcast(SL, seg.get(JL, o + 40)).reinterpretAsFloats(), c0);
            c1 = w5.fma(LongVector.broadcast(SL, seg.get(JL, o + 104)).reinterpretAsFloats(), c1);
            c0 = w6.fma(LongVector.broadcast(SL, seg.get(JL, o + 48)).reinterpretAsFloats(), c0);
            c1 = w6.fma(LongVector.broadcast(SL, seg.get(JL, o + 112)).reinterpretAsFloats(), c1);
            c0 = w7.fma(LongVector.broadcast(SL, seg.get(JL, o + 56)).reinterpretAsFloats(), c0);
            c1 = w7.fma(LongVector.broadcast(SL, seg.get(JL, o + 120)).reinterpretAsFloats(), c1);
            EVEN.selectFrom(c0, c1).add(ODD.selectFrom(c0, c1)).intoArray(c, cOff + p * n);
        }
    }


    // generic even K: 8 pixels, 2 k-pairs per iteration, weights loaded
    static void runQ3(float[] a, int aOff, float[] wq, float[] binit, float[] c, int cOff, int pixels, int k) {
        MemorySegment seg = MemorySegment.ofArray(a);
        int n = L / 2;
        FloatVector b = FloatVector.fromArray(S, binit, 0);
        long st = 4L * k;
        for (int p = 0; p + 8 <= pixels; p += 8) {
            FloatVector c0 = b, c1 = b, c2 = b, c3 = b, c4 = b, c5 = b, c6 = b, c7 = b;
            long o = 4L * (aOff + p * k);
            for (int i = 0, wi = 0; i < k; i += 4, wi += 2 * L, o += 16) {
                FloatVector w = FloatVector.fromArray(S, wq, wi), v = FloatVector.fromArray(S, wq, wi + L);
                c0 = w.fma(LongVector.broadcast(SL, seg.get(JL, o + 0 * st + 0)).reinterpretAsFloats(), c0);
                c1 = w.fma(LongVector.broadcast(SL, seg.get(JL, o + 1 * st + 0)).reinterpretAsFloats(), c1);
                c2 = w.fma(LongVector.broadcast(SL, seg.get(JL, o + 2 * st + 0)).reinterpretAsFloats(), c2);
                c3 = w.fma(LongVector.broadcast(SL, seg.get(JL, o + 3 * st + 0)).reinterpretAsFloats(), c3);
                c4 = w.fma(LongVector.broadcast(SL, seg.get(JL, o + 4 * st + 0)).reinterpretAsFloats(), c4);
                c5 = w.fma(LongVector.broadcast(SL, seg.get(JL, o + 5 * st + 0)).reinterpretAsFloats(), c5);
                c6 = w.fma(LongVector.broadcast(SL, seg.get(JL, o + 6 * st + 0)).reinterpretAsFloats(), c6);
                c7 = w.fma(LongVector.broadcast(SL, seg.get(JL, o + 7 * st + 0)).reinterpretAsFloats(), c7);
                c0 = v.fma(LongVector.broadcast(SL, seg.get(JL, o + 0 * st + 8)).reinterpretAsFloats(), c0);
                c1 = v.fma(LongVector.broadcast(SL, seg.get(JL, o + 1 * st + 8)).reinterpretAsFloats(), c1);
                c2 = v.fma(LongVector.broadcast(SL, seg.get(JL, o + 2 * st + 8)).reinterpretAsFloats(), c2);
                c3 = v.fma(LongVector.broadcast(SL, seg.get(JL, o + 3 * st + 8)).reinterpretAsFloats(), c3);
                c4 = v.fma(LongVector.broadcast(SL, seg.get(JL, o + 4 * st + 8)).reinterpretAsFloats(), c4);
                c5 = v.fma(LongVector.broadcast(SL, seg.get(JL, o + 5 * st + 8)).reinterpretAsFloats(), c5);
                c6 = v.fma(LongVector.broadcast(SL, seg.get(JL, o + 6 * st + 8)).reinterpretAsFloats(), c6);
                c7 = v.fma(LongVector.broadcast(SL, seg.get(JL, o + 7 * st + 8)).reinterpretAsFloats(), c7);
            }
            int q = cOff + p * n;
            EVEN.selectFrom(c0, c1).add(ODD.selectFrom(c0, c1)).intoArray(c, q);
            EVEN.selectFrom(c2, c3).add(ODD.selectFrom(c2, c3)).intoArray(c, q + 2 * n);
            EVEN.selectFrom(c4, c5).add(ODD.selectFrom(c4, c5)).intoArray(c, q + 4 * n);
            EVEN.selectFrom(c6, c7).add(ODD.selectFrom(c6, c7)).intoArray(c, q + 6 * n);
        }
    }

    // K = 16: weights hoisted, 8 pixels
    static void runQ4(float[] a, int aOff, float[] wq, float[] binit, float[] c, int cOff, int pixels, int k) {
        MemorySegment seg = MemorySegment.ofArray(a);
        int n = L / 2;
        FloatVector w0 = FloatVector.fromArray(S, wq, 0 * L), w1 = FloatVector.fromArray(S, wq, 1 * L), w2 = FloatVector.fromArray(S, wq, 2 * L), w3 = FloatVector.fromArray(S, wq, 3 * L), w4 = FloatVector.fromArray(S, wq, 4 * L), w5 = FloatVector.fromArray(S, wq, 5 * L), w6 = FloatVector.fromArray(S, wq, 6 * L), w7 = FloatVector.fromArray(S, wq, 7 * L);
        FloatVector b = FloatVector.fromArray(S, binit, 0);
        for (int p = 0; p + 8 <= pixels; p += 8) {
            long o = 4L * (aOff + p * 16);
            FloatVector c0 = b, c1 = b, c2 = b, c3 = b, c4 = b, c5 = b, c6 = b, c7 = b;
            c0 = w0.fma(LongVector.broadcast(SL, seg.get(JL, o + 0)).reinterpretAsFloats(), c0);
            c1 = w0.fma(LongVector.broadcast(SL, seg.get(JL, o + 64)).reinterpretAsFloats(), c1);
            c2 = w0.fma(LongVector.broadcast(SL, seg.get(JL, o + 128)).reinterpretAsFloats(), c2);
            c3 = w0.fma(LongVector.broadcast(SL, seg.get(JL, o + 192)).reinterpretAsFloats(), c3);
            c4 = w0.fma(LongVector.broadcast(SL, seg.get(JL, o + 256)).reinterpretAsFloats(), c4);
            c5 = w0.fma(LongVector.broadcast(SL, seg.get(JL, o + 320)).reinterpretAsFloats(), c5);
            c6 = w0.fma(LongVector.broadcast(SL, seg.get(JL, o + 384)).reinterpretAsFloats(), c6);
            c7 = w0.fma(LongVector.broadcast(SL, seg.get(JL, o + 448)).reinterpretAsFloats(), c7);
            c0 = w1.fma(LongVector.broadcast(SL, seg.get(JL, o + 8)).reinterpretAsFloats(), c0);
            c1 = w1.fma(LongVector.broadcast(SL, seg.get(JL, o + 72)).reinterpretAsFloats(), c1);
            c2 = w1.fma(LongVector.broadcast(SL, seg.get(JL, o + 136)).reinterpretAsFloats(), c2);
            c3 = w1.fma(LongVector.broadcast(SL, seg.get(JL, o + 200)).reinterpretAsFloats(), c3);
            c4 = w1.fma(LongVector.broadcast(SL, seg.get(JL, o + 264)).reinterpretAsFloats(), c4);
            c5 = w1.fma(LongVector.broadcast(SL, seg.get(JL, o + 328)).reinterpretAsFloats(), c5);
            c6 = w1.fma(LongVector.broadcast(SL, seg.get(JL, o + 392)).reinterpretAsFloats(), c6);
            c7 = w1.fma(LongVector.broadcast(SL, seg.get(JL, o + 456)).reinterpretAsFloats(), c7);
            c0 = w2.fma(LongVector.broadcast(SL, seg.get(JL, o + 16)).reinterpretAsFloats(), c0);
            c1 = w2.fma(LongVector.broadcast(SL, seg.get(JL, o + 80)).reinterpretAsFloats(), c1);
            c2 = w2.fma(LongVector.broadcast(SL, seg.get(JL, o + 144)).reinterpretAsFloats(), c2);
            c3 = w2.fma(LongVector.broadcast(SL, seg.get(JL, o + 208)).reinterpretAsFloats(), c3);
            c4 = w2.fma(LongVector.broadcast(SL, seg.get(JL, o + 272)).reinterpretAsFloats(), c4);
            c5 = w2.fma(LongVector.broadcast(SL, seg.get(JL, o + 336)).reinterpretAsFloats(), c5);
            c6 = w2.fma(LongVector.broadcast(SL, seg.get(JL, o + 400)).reinterpretAsFloats(), c6);
            c7 = w2.fma(LongVector.broadcast(SL, seg.get(JL, o + 464)).reinterpretAsFloats(), c7);
            c0 = w3.fma(LongVector.broadcast(SL, seg.get(JL, o + 24)).reinterpretAsFloats(), c0);
            c1 = w3.fma(LongVector.broadcast(SL, seg.get(JL, o + 88)).reinterpretAsFloats(), c1);
            c2 = w3.fma(LongVector.broadcast(SL, seg.get(JL, o + 152)).reinterpretAsFloats(), c2);
            c3 = w3.fma(LongVector.broadcast(SL, seg.get(JL, o + 216)).reinterpretAsFloats(), c3);
            c4 = w3.fma(LongVector.broadcast(SL, seg.get(JL, o + 280)).reinterpretAsFloats(), c4);
            c5 = w3.fma(LongVector.broadcast(SL, seg.get(JL, o + 344)).reinterpretAsFloats(), c5);
            c6 = w3.fma(LongVector.broadcast(SL, seg.get(JL, o + 408)).reinterpretAsFloats(), c6);
            c7 = w3.fma(LongVector.broadcast(SL, seg.get(JL, o + 472)).reinterpretAsFloats(), c7);
            c0 = w4.fma(LongVector.broadcast(SL, seg.get(JL, o + 32)).reinterpretAsFloats(), c0);
            c1 = w4.fma(LongVector.broadcast(SL, seg.get(JL, o + 96)).reinterpretAsFloats(), c1);
            c2 = w4.fma(LongVector.broadcast(SL, seg.get(JL, o + 160)).reinterpretAsFloats(), c2);
            c3 = w4.fma(LongVector.broadcast(SL, seg.get(JL, o + 224)).reinterpretAsFloats(), c3);
            c4 = w4.fma(LongVector.broadcast(SL, seg.get(JL, o + 288)).reinterpretAsFloats(), c4);
            c5 = w4.fma(LongVector.broadcast(SL, seg.get(JL, o + 352)).reinterpretAsFloats(), c5);
            c6 = w4.fma(LongVector.broadcast(SL, seg.get(JL, o + 416)).reinterpretAsFloats(), c6);
            c7 = w4.fma(LongVector.broadcast(SL, seg.get(JL, o + 480)).reinterpretAsFloats(), c7);
            c0 = w5.fma(LongVector.broadcast(SL, seg.get(JL, o + 40)).reinterpretAsFloats(), c0);
            c1 = w5.fma(LongVector.broadcast(SL, seg.get(JL, o + 104)).reinterpretAsFloats(), c1);
            c2 = w5.fma(LongVector.broadcast(SL, seg.get(JL, o + 168)).reinterpretAsFloats(), c2);
            c3 = w5.fma(LongVector.broadcast(SL, seg.get(JL, o + 232)).reinterpretAsFloats(), c3);
            c4 = w5.fma(LongVector.broadcast(SL, seg.get(JL, o + 296)).reinterpretAsFloats(), c4);
            c5 = w5.fma(LongVector.broadcast(SL, seg.get(JL, o + 360)).reinterpretAsFloats(), c5);
            c6 = w5.fma(LongVector.broadcast(SL, seg.get(JL, o + 424)).reinterpretAsFloats(), c6);
            c7 = w5.fma(LongVector.broadcast(SL, seg.get(JL, o + 488)).reinterpretAsFloats(), c7);
            c0 = w6.fma(LongVector.broadcast(SL, seg.get(JL, o + 48)).reinterpretAsFloats(), c0);
            c1 = w6.fma(LongVector.broadcast(SL, seg.get(JL, o + 112)).reinterpretAsFloats(), c1);
            c2 = w6.fma(LongVector.broadcast(SL, seg.get(JL, o + 176)).reinterpretAsFloats(), c2);
            c3 = w6.fma(LongVector.broadcast(SL, seg.get(JL, o + 240)).reinterpretAsFloats(), c3);
            c4 = w6.fma(LongVector.broadcast(SL, seg.get(JL, o + 304)).reinterpretAsFloats(), c4);
            c5 = w6.fma(LongVector.broadcast(SL, seg.get(JL, o + 368)).reinterpretAsFloats(), c5);
            c6 = w6.fma(LongVector.broadcast(SL, seg.get(JL, o + 432)).reinterpretAsFloats(), c6);
            c7 = w6.fma(LongVector.broadcast(SL, seg.get(JL, o + 496)).reinterpretAsFloats(), c7);
            c0 = w7.fma(LongVector.broadcast(SL, seg.get(JL, o + 56)).reinterpretAsFloats(), c0);
            c1 = w7.fma(LongVector.broadcast(SL, seg.get(JL, o + 120)).reinterpretAsFloats(), c1);
            c2 = w7.fma(LongVector.broadcast(SL, seg.get(JL, o + 184)).reinterpretAsFloats(), c2);
            c3 = w7.fma(LongVector.broadcast(SL, seg.get(JL, o + 248)).reinterpretAsFloats(), c3);
            c4 = w7.fma(LongVector.broadcast(SL, seg.get(JL, o + 312)).reinterpretAsFloats(), c4);
            c5 = w7.fma(LongVector.broadcast(SL, seg.get(JL, o + 376)).reinterpretAsFloats(), c5);
            c6 = w7.fma(LongVector.broadcast(SL, seg.get(JL, o + 440)).reinterpretAsFloats(), c6);
            c7 = w7.fma(LongVector.broadcast(SL, seg.get(JL, o + 504)).reinterpretAsFloats(), c7);
            int q = cOff + p * n;
            EVEN.selectFrom(c0, c1).add(ODD.selectFrom(c0, c1)).intoArray(c, q);
            EVEN.selectFrom(c2, c3).add(ODD.selectFrom(c2, c3)).intoArray(c, q + 2 * n);
            EVEN.selectFrom(c4, c5).add(ODD.selectFrom(c4, c5)).intoArray(c, q + 4 * n);
            EVEN.selectFrom(c6, c7).add(ODD.selectFrom(c6, c7)).intoArray(c, q + 6 * n);
        }
    }

    static void ref(float[] a, int aOff, float[] w, float[] bias, float[] c, int cOff, int pixels, int k, int n) {
        for (int p = 0; p < pixels; p++) for (int j = 0; j < n; j++) {
            double s = bias[j];
            for (int i = 0; i < k; i++) s += (double) a[aOff + p * k + i] * w[i * n + j];
            c[cOff + p * n + j] = (float) s;
        }
    }

    public static void main(String[] args) {
        int h = Integer.getInteger("h", 112), k = Integer.getInteger("k", 16), n = L / 2;
        int pixels = h * h;
        Random r = new Random(1);
        float[] w = new float[k * n]; for (int i = 0; i < w.length; i++) w[i] = r.nextFloat() - 0.5f;
        float[] bias = new float[n]; for (int i = 0; i < n; i++) bias[i] = r.nextFloat();
        float[] wq = new float[k / 2 * L];
        for (int i = 0; i < k; i++) for (int j = 0; j < n; j++) wq[(i / 2) * L + 2 * j + (i & 1)] = w[i * n + j];
        float[] binit = new float[L]; for (int j = 0; j < n; j++) binit[2 * j] = bias[j];
        int off = HeapAlignment.FLOAT_OFFSET;
        float[] in = new float[off + pixels * k + 64]; for (int i = 0; i < in.length; i++) in[i] = r.nextFloat();
        float[] out = new float[off + pixels * n + 64], out2 = out.clone(), ref = out.clone();
        // library: ConvSpec pointwise, weights [cout][cin]? use KCRS order from ConvSpec
        ConvSpec spec = ConvSpec.pointwise(h, h, k, n);
        float[] wl = new float[spec.weightLength()];
        for (int i = 0; i < k; i++) for (int j = 0; j < n; j++) wl[j * k + i] = w[i * n + j];
        PreparedConv pc = PointwiseGemm.INSTANCE.prepare(spec, wl, bias, Activation.NONE);
        ref(in, off, w, bias, ref, off, pixels, k, n);
        int V = Integer.getInteger("v", 1); if (V == 6) runQ6(in, off, wq, binit, out, off, pixels, k); else if (V == 5) runQ5(in, off, wq, binit, out, off, pixels, k); else if (V == 3) runQ3(in, off, wq, binit, out, off, pixels, k); else if (V == 4) runQ4(in, off, wq, binit, out, off, pixels, k); else if (V == 2) runQ2(in, off, wq, binit, out, off, pixels, k); else runQ(in, off, wq, binit, out, off, pixels, k);
        pc.run(1, in, off, out2, off, 0, pc.workUnits(1));
        double e1 = 0, e2 = 0;
        for (int i = 0; i < pixels * n; i++) { e1 = Math.max(e1, Math.abs(out[off + i] - ref[off + i])); e2 = Math.max(e2, Math.abs(out2[off + i] - ref[off + i])); }
        System.out.printf("L %d k %d n %d pixels %d maxerr Q %.3g lib %.3g%n", L, k, n, pixels, e1, e2);
        double flops = 2.0 * pixels * k * n;
        int reps = (int) Math.max(20, 1e10 / flops);
        for (int round = 0; round < 10; round++) {
            long t0 = System.nanoTime();
            if (V == 6) for (int i = 0; i < reps; i++) runQ6(in, off, wq, binit, out, off, pixels, k); else if (V == 5) for (int i = 0; i < reps; i++) runQ5(in, off, wq, binit, out, off, pixels, k); else if (V == 3) for (int i = 0; i < reps; i++) runQ3(in, off, wq, binit, out, off, pixels, k); else if (V == 4) for (int i = 0; i < reps; i++) runQ4(in, off, wq, binit, out, off, pixels, k); else if (V == 2) for (int i = 0; i < reps; i++) runQ2(in, off, wq, binit, out, off, pixels, k); else for (int i = 0; i < reps; i++) runQ(in, off, wq, binit, out, off, pixels, k);
            long t1 = System.nanoTime();
            for (int i = 0; i < reps; i++) pc.run(1, in, off, out2, off, 0, pc.workUnits(1));
            long t2 = System.nanoTime();
            var tmx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
            long b0 = tmx.getThreadAllocatedBytes(Thread.currentThread().threadId());
            if (V == 6) runQ6(in, off, wq, binit, out, off, pixels, k); else if (V == 5) runQ5(in, off, wq, binit, out, off, pixels, k); else if (V == 2) runQ2(in, off, wq, binit, out, off, pixels, k); else if (V == 4) runQ4(in, off, wq, binit, out, off, pixels, k); else runQ(in, off, wq, binit, out, off, pixels, k);
            long b1 = tmx.getThreadAllocatedBytes(Thread.currentThread().threadId());
            System.out.printf("round %d  Q %7.1f us  lib %7.1f us  Q alloc %d B/call%n", round, (t1 - t0) / 1e3 / reps, (t2 - t1) / 1e3 / reps, b1 - b0);
        }
    }
}
