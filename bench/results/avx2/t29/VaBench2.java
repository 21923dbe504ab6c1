package dev.mobilevec.kernels;
import jdk.incubator.vector.*;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.LE;
public class VaBench2 {
    static final VectorSpecies<Float> S = Lanes.SPECIES; static final int L = Lanes.COUNT;
    static void v1(Activation act, float[] a, int off, int len) {
        boolean swish = act.kind() == Activation.Kind.HARDSWISH;
        FloatVector al = FloatVector.broadcast(S, act.alpha()), be = FloatVector.broadcast(S, act.beta());
        FloatVector zero = FloatVector.zero(S), one = FloatVector.broadcast(S, 1f);
        int end = off + (len - len % L);
        for (int i = off; i < end; i += L) {
            FloatVector x = FloatVector.fromArray(S, a, i);
            FloatVector t = x.mul(al).add(be);
            FloatVector u = t.blend(zero, t.compare(LE, zero));
            FloatVector g = u.blend(one, u.compare(GE, one));
            (swish ? x.mul(g) : g).intoArray(a, i);
        }
    }
    static void v2(Activation act, float[] a, int off, int len) {
        FloatVector al = FloatVector.broadcast(S, act.alpha()), be = FloatVector.broadcast(S, act.beta());
        FloatVector zero = FloatVector.zero(S), one = FloatVector.broadcast(S, 1f);
        int end = off + (len - len % L);
        if (act.kind() == Activation.Kind.HARDSWISH) {
            for (int i = off; i < end; i += L) {
                FloatVector x = FloatVector.fromArray(S, a, i);
                FloatVector t = x.mul(al).add(be);
                FloatVector u = t.blend(zero, t.compare(LE, zero));
                x.mul(u.blend(one, u.compare(GE, one))).intoArray(a, i);
            }
        } else {
            for (int i = off; i < end; i += L) {
                FloatVector x = FloatVector.fromArray(S, a, i);
                FloatVector t = x.mul(al).add(be);
                FloatVector u = t.blend(zero, t.compare(LE, zero));
                u.blend(one, u.compare(GE, one)).intoArray(a, i);
            }
        }
    }
    public static void main(String[] a) {
        int n = Integer.getInteger("n", 96 * 72);
        float[] buf = new float[n + 64];
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < buf.length; i++) buf[i] = r.nextFloat() * 8 - 4;
        Activation act = Activation.HARDSWISH;
        for (int round = 0; round < 6; round++) for (int v = 0; v < 3; v++) {
            int reps = 200_000_000 / n;
            long t0 = System.nanoTime();
            for (int i = 0; i < reps; i++) { if (v == 0) VectorActivation.apply(act, buf, 16, 1, 0, n); else if (v == 1) v1(act, buf, 16, n); else v2(act, buf, 16, n); buf[17] = 1f; }
            long t = System.nanoTime() - t0;
            if (round >= 3) System.out.printf("v%d n=%d  %.3f ns per vector%n", v, n, t / (double) reps / (n / Lanes.COUNT));
        }
    }
}
