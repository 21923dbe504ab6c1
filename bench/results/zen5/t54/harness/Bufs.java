package dev.mobilevec.network;

import java.lang.reflect.*;
import java.util.*;

public class Bufs {
    public static void main(String[] a) throws Exception {
        Architecture ar = a[0].equals("v2") ? MobileNetV2.standard(1.0, 224) : MobileNetV1.standard(1.0, 224);
        Model m = Model.create(ar, SeededWeights.generate(ar, 42), Backend.FAST);
        try (Session s = new Session(m, 1, Integer.parseInt(a[1]))) {
            Field pf = Session.class.getDeclaredField("plans"); pf.setAccessible(true);
            Object plan = ((Object[]) pf.get(s))[0];
            Class<?> pc = plan.getClass();
            Field af = pc.getDeclaredField("arrays"); af.setAccessible(true);
            Field of = pc.getDeclaredField("arrayOffsets"); of.setAccessible(true);
            Field bf = pc.getDeclaredField("bufferOf"); bf.setAccessible(true);
            Field ff = pc.getDeclaredField("first"); ff.setAccessible(true);
            float[][] arrays = (float[][]) af.get(plan); int[] offs = (int[]) of.get(plan); float[][] bufferOf = (float[][]) bf.get(plan);
            float[] first = (float[]) ff.get(plan);
            for (int i = 0; i < arrays.length; i++) System.out.println("array " + i + " len " + (arrays[i] == null ? -1 : arrays[i].length) + " off " + offs[i]);
            for (LayerDef l : m.layers()) {
                float[] in = l.input() < 0 ? first : bufferOf[l.input()], out = bufferOf[l.index()];
                int ii = -1, oi = -1;
                for (int i = 0; i < arrays.length; i++) { if (arrays[i] == in) ii = i; if (arrays[i] == out) oi = i; }
                System.out.printf("%-16s %-10s C=%d in #%d out #%d  delta %s%n", l.name(), l.type(), l.outC(), ii, oi,
                        ii >= 0 && oi >= 0 ? Math.floorMod(offs[oi] - offs[ii], 1024) : "-");
            }
        }
    }
}
