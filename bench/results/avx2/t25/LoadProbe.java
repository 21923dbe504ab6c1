import jdk.incubator.vector.*;
import java.util.*;

/** How many 256-bit loads per cycle: FMAs fed from L1 (memory operands or separate loads) against register-only FMAs. */
public class LoadProbe {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    static final int L = 8;
    static float[] w = new float[64 * 8];
    static float sink;

    // 8 accumulators, 8 FMAs per step, all operands in registers
    static float regs(int n) {
        FloatVector x = FloatVector.broadcast(S, 1.0000001f), y = FloatVector.broadcast(S, 0.999999f);
        FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
        FloatVector b0 = FloatVector.broadcast(S, 0.5f), b1 = FloatVector.broadcast(S, 0.25f);
        for (int i = 0; i < n; i++) {
            a0 = x.fma(b0, a0); a1 = x.fma(b1, a1); a2 = y.fma(b0, a2); a3 = y.fma(b1, a3);
            a4 = x.fma(b0, a4); a5 = x.fma(b1, a5); a6 = y.fma(b0, a6); a7 = y.fma(b1, a7);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).reduceLanes(VectorOperators.ADD);
    }

    // 8 FMAs per step, LOADS of them take a weight vector from L1 (as the tiles' weights), the rest from registers
    static float mem8(int n) {
        final float[] ww = w;
        FloatVector x = FloatVector.broadcast(S, 1.0000001f);
        FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
        for (int i = 0, o = 0; i < n; i++, o = (o + 64) & 511) {
            a0 = x.fma(FloatVector.fromArray(S, ww, o), a0); a1 = x.fma(FloatVector.fromArray(S, ww, o + 8), a1);
            a2 = x.fma(FloatVector.fromArray(S, ww, o + 16), a2); a3 = x.fma(FloatVector.fromArray(S, ww, o + 24), a3);
            a4 = x.fma(FloatVector.fromArray(S, ww, o + 32), a4); a5 = x.fma(FloatVector.fromArray(S, ww, o + 40), a5);
            a6 = x.fma(FloatVector.fromArray(S, ww, o + 48), a6); a7 = x.fma(FloatVector.fromArray(S, ww, o + 56), a7);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).reduceLanes(VectorOperators.ADD);
    }

    static float mem4(int n) {
        final float[] ww = w;
        FloatVector x = FloatVector.broadcast(S, 1.0000001f);
        FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
        for (int i = 0, o = 0; i < n; i++, o = (o + 32) & 511) {
            FloatVector b0 = FloatVector.fromArray(S, ww, o), b1 = FloatVector.fromArray(S, ww, o + 8),
                    b2 = FloatVector.fromArray(S, ww, o + 16), b3 = FloatVector.fromArray(S, ww, o + 24);
            a0 = x.fma(b0, a0); a1 = x.fma(b1, a1); a2 = x.fma(b2, a2); a3 = x.fma(b3, a3);
            a4 = b0.fma(b1, a4); a5 = b1.fma(b2, a5); a6 = b2.fma(b3, a6); a7 = b3.fma(b0, a7);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).reduceLanes(VectorOperators.ADD);
    }

    // 8 broadcast loads (scalars from L1) + 8 FMAs
    static float bcast8(int n) {
        final float[] ww = w;
        FloatVector b = FloatVector.broadcast(S, 0.5f);
        FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
        for (int i = 0, o = 0; i < n; i++, o = (o + 8) & 511) {
            a0 = FloatVector.broadcast(S, ww[o]).fma(b, a0); a1 = FloatVector.broadcast(S, ww[o + 1]).fma(b, a1);
            a2 = FloatVector.broadcast(S, ww[o + 2]).fma(b, a2); a3 = FloatVector.broadcast(S, ww[o + 3]).fma(b, a3);
            a4 = FloatVector.broadcast(S, ww[o + 4]).fma(b, a4); a5 = FloatVector.broadcast(S, ww[o + 5]).fma(b, a5);
            a6 = FloatVector.broadcast(S, ww[o + 6]).fma(b, a6); a7 = FloatVector.broadcast(S, ww[o + 7]).fma(b, a7);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).reduceLanes(VectorOperators.ADD);
    }


    // tile2x4's pattern: 4 weight vectors + 2 broadcasts per 8 FMAs
    static float mem6(int n) {
        final float[] ww = w;
        FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
        for (int i = 0, o = 0; i < n; i++, o = (o + 32) & 511) {
            FloatVector b0 = FloatVector.fromArray(S, ww, o), b1 = FloatVector.fromArray(S, ww, o + 8),
                    b2 = FloatVector.fromArray(S, ww, o + 16), b3 = FloatVector.fromArray(S, ww, o + 24);
            FloatVector x = FloatVector.broadcast(S, ww[(o + 1) & 511]);
            a0 = b0.fma(x, a0); a1 = b1.fma(x, a1); a2 = b2.fma(x, a2); a3 = b3.fma(x, a3);
            x = FloatVector.broadcast(S, ww[(o + 2) & 511]);
            a4 = b0.fma(x, a4); a5 = b1.fma(x, a5); a6 = b2.fma(x, a6); a7 = b3.fma(x, a7);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).reduceLanes(VectorOperators.ADD);
    }

    // 8 vector loads into registers, each used by two FMAs (not foldable), 16 FMAs per step
    static float sep8(int n) {
        final float[] ww = w;
        FloatVector x = FloatVector.broadcast(S, 1.0000001f), y = FloatVector.broadcast(S, 0.9999999f);
        FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
        for (int i = 0, o = 0; i < n; i++, o = (o + 64) & 511) {
            FloatVector b0 = FloatVector.fromArray(S, ww, o), b1 = FloatVector.fromArray(S, ww, o + 8),
                    b2 = FloatVector.fromArray(S, ww, o + 16), b3 = FloatVector.fromArray(S, ww, o + 24);
            a0 = b0.fma(x, a0); a1 = b1.fma(x, a1); a2 = b2.fma(x, a2); a3 = b3.fma(x, a3);
            a4 = b0.fma(y, a4); a5 = b1.fma(y, a5); a6 = b2.fma(y, a6); a7 = b3.fma(y, a7);
            b0 = FloatVector.fromArray(S, ww, o + 32); b1 = FloatVector.fromArray(S, ww, o + 40);
            b2 = FloatVector.fromArray(S, ww, o + 48); b3 = FloatVector.fromArray(S, ww, o + 56);
            a0 = b0.fma(x, a0); a1 = b1.fma(x, a1); a2 = b2.fma(x, a2); a3 = b3.fma(x, a3);
            a4 = b0.fma(y, a4); a5 = b1.fma(y, a5); a6 = b2.fma(y, a6); a7 = b3.fma(y, a7);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).reduceLanes(VectorOperators.ADD);
    }

    public static void main(String[] args) {
        Arrays.fill(w, 0.001f);
        int n = 20_000_000;
        String[] names = {"regs 0/8", "mem4 4/8", "mem8-folded 8/8", "bcast8 8/8", "mem6 (2x4 tile) 6/8", "sep8 8/16"};
        int[] fm = {8, 8, 8, 8, 8, 16};
        for (int round = 0; round < 8; round++) {
            StringBuilder sb = new StringBuilder();
            for (int v = 0; v < 6; v++) {
                long t0 = System.nanoTime();
                float r = v == 0 ? regs(n) : v == 1 ? mem4(n) : v == 2 ? mem8(n) : v == 3 ? bcast8(n) : v == 4 ? mem6(n) : sep8(n);
                long t = System.nanoTime() - t0;
                sink += r;
                sb.append(String.format("%s: %.1f  ", names[v], 16.0 * fm[v] * n / t));
            }
            System.out.println(sb);
        }
    }
}
