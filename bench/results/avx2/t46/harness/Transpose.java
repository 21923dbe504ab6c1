import java.util.*;
public class Transpose {
    static void old(float[] input, int src, float[] first, int off, int hw, int ch) {
        for (int c = 0; c < ch; c++) for (int p = 0; p < hw; p++) first[off + p * ch + c] = input[src + c * hw + p];
    }
    static void pixelMajor(float[] input, int src, float[] first, int off, int hw, int ch) {
        if (ch == 3) {
            int r = src, g = src + hw, b = src + 2 * hw, o = off;
            for (int p = 0; p < hw; p++, o += 3) { first[o] = input[r + p]; first[o + 1] = input[g + p]; first[o + 2] = input[b + p]; }
            return;
        }
        for (int p = 0; p < hw; p++) for (int c = 0; c < ch; c++) first[off + p * ch + c] = input[src + c * hw + p];
    }
    public static void main(String[] a) {
        int hw = 224 * 224, ch = 3;
        float[] in = new float[hw * ch], o1 = new float[hw * ch + 16], o2 = new float[hw * ch + 16];
        Random r = new Random(1); for (int i = 0; i < in.length; i++) in[i] = r.nextFloat();
        // a 4 MB buffer swept between calls, as a network's layers would, so neither runs from a warm L2
        float[] junk = new float[1 << 20];
        for (int w = 0; w < 3000; w++) { old(in, 0, o1, 8, hw, ch); pixelMajor(in, 0, o2, 8, hw, ch); }
        if (!Arrays.equals(o1, o2)) throw new AssertionError();
        for (int round = 0; round < 8; round++) {
            long[] t = new long[2];
            for (int v = 0; v < 2; v++) {
                for (int i = 0; i < 200; i++) {
                    for (int j = 0; j < junk.length; j += 16) junk[j] += 1;
                    long t0 = System.nanoTime();
                    if (v == 0) old(in, 0, o1, 8, hw, ch); else pixelMajor(in, 0, o2, 8, hw, ch);
                    t[v] += System.nanoTime() - t0;
                }
            }
            System.out.printf("old %.1f us  pixel-major %.1f us%n", t[0] / 200e3, t[1] / 200e3);
        }
    }
}
