import jdk.incubator.vector.*;
import dev.mobilevec.kernels.*;
import java.util.*;
import static jdk.incubator.vector.VectorOperators.*;

/** 5x5 s2 depthwise with rows packed channel-block-major ([block][Wp][L], zero pad columns): constant strides. */
public class PkExp {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    static final int L = 8, K = 5; static final boolean PAIR = Boolean.getBoolean("pair"); static final boolean ONLYA = Boolean.getBoolean("onlya");
    final int h, w, c, nb, oh, ow, wp, slot;
    final float[] pk, wb, bias;
    final int[] tag; static final int NS = Boolean.getBoolean("nopack") ? 300 : 5;
    final float lo = 0f, hi = 6f;

    PkExp(int h, int w, int c, float[] weights, float[] b) {
        this.h = h; this.w = w; this.c = c; nb = (c + L - 1) / L;
        oh = (h + 4 - 5) / 2 + 1; ow = (w + 4 - 5) / 2 + 1;
        wp = 2 * ow + 3; slot = nb * wp * L;
        pk = new float[(NS + 1) * slot + L]; tag = new int[NS];
        wb = new float[nb * 25 * L];
        for (int ch = 0; ch < c; ch++) for (int t = 0; t < 25; t++) wb[(ch / L * 25 + t) * L + ch % L] = weights[ch * 25 + t];
        bias = new float[nb * L]; System.arraycopy(b, 0, bias, 0, c);
    }

    /** Row iy packed into its ring slot (slot 5 stays zero: rows outside the image). */
    int rowSlot(float[] in, int inOff, int iy) {
        if (iy < 0 || iy >= h) return NS * slot;
        int s = iy % NS;
        if (tag[s] != iy + 1) {
            tag[s] = iy + 1;
            int base = s * slot;
            for (int x = 0; x < w; x++) {
                int src = inOff + (iy * w + x) * c, dst = base + (x + 2) * L;
                for (int b = 0; b < nb - 1; b++) {
                    FloatVector.fromArray(S, in, src + b * L).intoArray(pk, dst + b * wp * L);
                }
                // full blocks only in this experiment (c % L == 0)
                FloatVector.fromArray(S, in, src + (nb - 1) * L).intoArray(pk, dst + (nb - 1) * wp * L);
            }
        }
        return s * slot;
    }

    void run(float[] in, int inOff, float[] out, int outOff) {
        if (NS == 5) Arrays.fill(tag, 0);
        for (int oy = 0; oy < oh; oy++) {
            int iy = 2 * oy - 2;
            int s0 = rowSlot(in, inOff, iy), s1 = rowSlot(in, inOff, iy + 1), s2 = rowSlot(in, inOff, iy + 2),
                s3 = rowSlot(in, inOff, iy + 3), s4 = rowSlot(in, inOff, iy + 4);
            int q = outOff + oy * ow * c;
            for (int b = 0; b < nb; b++) {
                int bo = b * wp * L;
                if (PAIR && b + 1 < nb) { rows012x2(s0 + bo, s1 + bo, s2 + bo, out, q + b * L, b); rows34(s3 + bo, s4 + bo, out, q + b * L, b); rows34(s3 + bo + wp * L, s4 + bo + wp * L, out, q + b * L + L, b + 1); b++; continue; }
                rows012(s0 + bo, s1 + bo, s2 + bo, out, q + b * L, b);
                if (!ONLYA) rows34(s3 + bo, s4 + bo, out, q + b * L, b);
            }
        }
    }

    void rows012(int r0, int r1, int r2, float[] out, int q, int b) {
        final float[] p = pk, wt = wb;
        final int wo = b * 25 * L, cc = c;
        FloatVector bv = FloatVector.fromArray(S, bias, b * L);
        FloatVector pa = bv;
        for (int col = 0; col < 3; col++) {
            pa = FloatVector.fromArray(S, p, r2 + col * L).fma(FloatVector.fromArray(S, wt, wo + (10 + col) * L),
                 FloatVector.fromArray(S, p, r1 + col * L).fma(FloatVector.fromArray(S, wt, wo + (5 + col) * L),
                 FloatVector.fromArray(S, p, r0 + col * L).fma(FloatVector.fromArray(S, wt, wo + col * L), pa)));
        }
        FloatVector pb = FloatVector.fromArray(S, p, r2 + 2 * L).fma(FloatVector.fromArray(S, wt, wo + 10 * L),
                 FloatVector.fromArray(S, p, r1 + 2 * L).fma(FloatVector.fromArray(S, wt, wo + 5 * L),
                 FloatVector.fromArray(S, p, r0 + 2 * L).fma(FloatVector.fromArray(S, wt, wo), bv)));
        for (int ox = 0; ox < ow; ox++) {
            int x = ox * 2 * L + 3 * L;
            FloatVector x0 = FloatVector.fromArray(S, p, r0 + x), x1 = FloatVector.fromArray(S, p, r1 + x), x2 = FloatVector.fromArray(S, p, r2 + x);
            pa = x2.fma(FloatVector.fromArray(S, wt, wo + 13 * L), x1.fma(FloatVector.fromArray(S, wt, wo + 8 * L), x0.fma(FloatVector.fromArray(S, wt, wo + 3 * L), pa)));
            pb = x2.fma(FloatVector.fromArray(S, wt, wo + 11 * L), x1.fma(FloatVector.fromArray(S, wt, wo + 6 * L), x0.fma(FloatVector.fromArray(S, wt, wo + 1 * L), pb)));
            x0 = FloatVector.fromArray(S, p, r0 + x + L); x1 = FloatVector.fromArray(S, p, r1 + x + L); x2 = FloatVector.fromArray(S, p, r2 + x + L);
            FloatVector r = x2.fma(FloatVector.fromArray(S, wt, wo + 14 * L), x1.fma(FloatVector.fromArray(S, wt, wo + 9 * L), x0.fma(FloatVector.fromArray(S, wt, wo + 4 * L), pa)));
            pa = x2.fma(FloatVector.fromArray(S, wt, wo + 12 * L), x1.fma(FloatVector.fromArray(S, wt, wo + 7 * L), x0.fma(FloatVector.fromArray(S, wt, wo + 2 * L), pb)));
            pb = x2.fma(FloatVector.fromArray(S, wt, wo + 10 * L), x1.fma(FloatVector.fromArray(S, wt, wo + 5 * L), x0.fma(FloatVector.fromArray(S, wt, wo), bv)));
            r.intoArray(out, q + ox * cc);
        }
    }

    void rows012x2(int r0, int r1, int r2, float[] out, int q, int b) {
        final float[] p = pk, wt = wb;
        final int wo = b * 25 * L, wv = wo + 25 * L, cc = c, d = wp * L;
        FloatVector bv = FloatVector.fromArray(S, bias, b * L), bu = FloatVector.fromArray(S, bias, b * L + L);
        FloatVector pa = bv, qa = bu;
        for (int col = 0; col < 3; col++) {
            pa = FloatVector.fromArray(S, p, r2 + col * L).fma(FloatVector.fromArray(S, wt, wo + (10 + col) * L),
                 FloatVector.fromArray(S, p, r1 + col * L).fma(FloatVector.fromArray(S, wt, wo + (5 + col) * L),
                 FloatVector.fromArray(S, p, r0 + col * L).fma(FloatVector.fromArray(S, wt, wo + col * L), pa)));
            qa = FloatVector.fromArray(S, p, d + r2 + col * L).fma(FloatVector.fromArray(S, wt, wv + (10 + col) * L),
                 FloatVector.fromArray(S, p, d + r1 + col * L).fma(FloatVector.fromArray(S, wt, wv + (5 + col) * L),
                 FloatVector.fromArray(S, p, d + r0 + col * L).fma(FloatVector.fromArray(S, wt, wv + col * L), qa)));
        }
        FloatVector pb = FloatVector.fromArray(S, p, r2 + 2 * L).fma(FloatVector.fromArray(S, wt, wo + 10 * L),
                 FloatVector.fromArray(S, p, r1 + 2 * L).fma(FloatVector.fromArray(S, wt, wo + 5 * L),
                 FloatVector.fromArray(S, p, r0 + 2 * L).fma(FloatVector.fromArray(S, wt, wo), bv)));
        FloatVector qb = FloatVector.fromArray(S, p, d + r2 + 2 * L).fma(FloatVector.fromArray(S, wt, wv + 10 * L),
                 FloatVector.fromArray(S, p, d + r1 + 2 * L).fma(FloatVector.fromArray(S, wt, wv + 5 * L),
                 FloatVector.fromArray(S, p, d + r0 + 2 * L).fma(FloatVector.fromArray(S, wt, wv), bu)));
        final int s0 = r0 + d, s1 = r1 + d, s2 = r2 + d;
        for (int ox = 0; ox < ow; ox++) {
            int x = ox * 2 * L + 3 * L;
            FloatVector x0 = FloatVector.fromArray(S, p, r0 + x), x1 = FloatVector.fromArray(S, p, r1 + x), x2 = FloatVector.fromArray(S, p, r2 + x);
            pa = x2.fma(FloatVector.fromArray(S, wt, wo + 13 * L), x1.fma(FloatVector.fromArray(S, wt, wo + 8 * L), x0.fma(FloatVector.fromArray(S, wt, wo + 3 * L), pa)));
            pb = x2.fma(FloatVector.fromArray(S, wt, wo + 11 * L), x1.fma(FloatVector.fromArray(S, wt, wo + 6 * L), x0.fma(FloatVector.fromArray(S, wt, wo + 1 * L), pb)));
            x0 = FloatVector.fromArray(S, p, s0 + x); x1 = FloatVector.fromArray(S, p, s1 + x); x2 = FloatVector.fromArray(S, p, s2 + x);
            qa = x2.fma(FloatVector.fromArray(S, wt, wv + 13 * L), x1.fma(FloatVector.fromArray(S, wt, wv + 8 * L), x0.fma(FloatVector.fromArray(S, wt, wv + 3 * L), qa)));
            qb = x2.fma(FloatVector.fromArray(S, wt, wv + 11 * L), x1.fma(FloatVector.fromArray(S, wt, wv + 6 * L), x0.fma(FloatVector.fromArray(S, wt, wv + 1 * L), qb)));
            x0 = FloatVector.fromArray(S, p, r0 + x + L); x1 = FloatVector.fromArray(S, p, r1 + x + L); x2 = FloatVector.fromArray(S, p, r2 + x + L);
            FloatVector r = x2.fma(FloatVector.fromArray(S, wt, wo + 14 * L), x1.fma(FloatVector.fromArray(S, wt, wo + 9 * L), x0.fma(FloatVector.fromArray(S, wt, wo + 4 * L), pa)));
            pa = x2.fma(FloatVector.fromArray(S, wt, wo + 12 * L), x1.fma(FloatVector.fromArray(S, wt, wo + 7 * L), x0.fma(FloatVector.fromArray(S, wt, wo + 2 * L), pb)));
            pb = x2.fma(FloatVector.fromArray(S, wt, wo + 10 * L), x1.fma(FloatVector.fromArray(S, wt, wo + 5 * L), x0.fma(FloatVector.fromArray(S, wt, wo), bv)));
            r.intoArray(out, q + ox * cc);
            x0 = FloatVector.fromArray(S, p, s0 + x + L); x1 = FloatVector.fromArray(S, p, s1 + x + L); x2 = FloatVector.fromArray(S, p, s2 + x + L);
            r = x2.fma(FloatVector.fromArray(S, wt, wv + 14 * L), x1.fma(FloatVector.fromArray(S, wt, wv + 9 * L), x0.fma(FloatVector.fromArray(S, wt, wv + 4 * L), qa)));
            qa = x2.fma(FloatVector.fromArray(S, wt, wv + 12 * L), x1.fma(FloatVector.fromArray(S, wt, wv + 7 * L), x0.fma(FloatVector.fromArray(S, wt, wv + 2 * L), qb)));
            qb = x2.fma(FloatVector.fromArray(S, wt, wv + 10 * L), x1.fma(FloatVector.fromArray(S, wt, wv + 5 * L), x0.fma(FloatVector.fromArray(S, wt, wv), bu)));
            r.intoArray(out, q + ox * cc + L);
        }
    }

    void rows34(int r3, int r4, float[] out, int q, int b) {
        final float[] p = pk, wt = wb;
        final int wo = b * 25 * L, cc = c, last = q + (ow - 1) * cc;
        FloatVector vlo = FloatVector.broadcast(S, lo), vhi = FloatVector.broadcast(S, hi);
        FloatVector pa = FloatVector.fromArray(S, out, q);
        for (int col = 0; col < 3; col++) {
            pa = FloatVector.fromArray(S, p, r4 + col * L).fma(FloatVector.fromArray(S, wt, wo + (20 + col) * L),
                 FloatVector.fromArray(S, p, r3 + col * L).fma(FloatVector.fromArray(S, wt, wo + (15 + col) * L), pa));
        }
        FloatVector pb = FloatVector.fromArray(S, p, r4 + 2 * L).fma(FloatVector.fromArray(S, wt, wo + 20 * L),
                 FloatVector.fromArray(S, p, r3 + 2 * L).fma(FloatVector.fromArray(S, wt, wo + 15 * L), FloatVector.fromArray(S, out, Math.min(q + cc, last))));
        for (int ox = 0; ox < ow; ox++) {
            int x = ox * 2 * L + 3 * L;
            FloatVector x3 = FloatVector.fromArray(S, p, r3 + x), x4 = FloatVector.fromArray(S, p, r4 + x);
            pa = x4.fma(FloatVector.fromArray(S, wt, wo + 23 * L), x3.fma(FloatVector.fromArray(S, wt, wo + 18 * L), pa));
            pb = x4.fma(FloatVector.fromArray(S, wt, wo + 21 * L), x3.fma(FloatVector.fromArray(S, wt, wo + 16 * L), pb));
            x3 = FloatVector.fromArray(S, p, r3 + x + L); x4 = FloatVector.fromArray(S, p, r4 + x + L);
            FloatVector r = x4.fma(FloatVector.fromArray(S, wt, wo + 24 * L), x3.fma(FloatVector.fromArray(S, wt, wo + 19 * L), pa));
            pa = x4.fma(FloatVector.fromArray(S, wt, wo + 22 * L), x3.fma(FloatVector.fromArray(S, wt, wo + 17 * L), pb));
            pb = x4.fma(FloatVector.fromArray(S, wt, wo + 20 * L), x3.fma(FloatVector.fromArray(S, wt, wo + 15 * L), FloatVector.fromArray(S, out, Math.min(q + (ox + 2) * cc, last))));
            r.blend(vlo, r.compare(LE, vlo)).blend(vhi, r.compare(GE, vhi)).intoArray(out, q + ox * cc);
        }
    }

    public static void main(String[] a) {
        for (String sh : System.getProperty("shapes", "56,56,72;28,28,240;14,14,576").split(";")) {
            int[] s = Arrays.stream(sh.split(",")).mapToInt(Integer::parseInt).toArray();
            int h = s[0], w = s[1], c = s[2];
            Random rnd = new Random(1);
            ConvSpec spec = new ConvSpec(h, w, c, c, 5, 5, 2, 2, 2, 2, 2, 2, c);
            float[] wt = new float[spec.weightLength()]; for (int i = 0; i < wt.length; i++) wt[i] = rnd.nextFloat() - 0.5f;
            float[] b = new float[c]; for (int i = 0; i < c; i++) b[i] = rnd.nextFloat() - 0.5f;
            PreparedConv pc = DepthwiseConv5x5Nhwc.INSTANCE.prepare(spec, wt, b, Activation.RELU6);
            PkExp e = new PkExp(h, w, c, wt, b);
            int off = HeapAlignment.FLOAT_OFFSET;
            float[] in = new float[off + spec.inputLength(1) + 64]; for (int i = 0; i < in.length; i++) in[i] = rnd.nextFloat();
            float[] o1 = new float[off + spec.outputLength(1) + 64], o2 = new float[o1.length];
            pc.run(1, in, off, o1, off, 0, pc.workUnits(1));
            e.run(in, off, o2, off);
            System.out.println(sh + " bitwise equal: " + Arrays.equals(o1, o2));
            double flops = 2.0 * spec.macs();
            int reps = (int) Math.max(20, 5e9 / flops);
            double bp = 0, bb = 0;
            for (int round = 0; round < 7; round++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < reps; i++) e.run(in, off, o2, off);
                long t1 = System.nanoTime();
                for (int i = 0; i < reps; i++) pc.run(1, in, off, o1, off, 0, pc.workUnits(1));
                long t2 = System.nanoTime();
                if (round >= 2) { bp = Math.max(bp, flops * reps / (t1 - t0)); bb = Math.max(bb, flops * reps / (t2 - t1)); }
            }
            System.out.printf("%s packed %.1f GFLOPS (%.1f us)  current %.1f GFLOPS (%.1f us)%n", sh, bp, flops / bp / 1e3, bb, flops / bb / 1e3);
        }
    }
}
