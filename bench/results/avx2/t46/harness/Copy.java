import java.util.*;
public class Copy {
    public static void main(String[] a) {
        int n = 224 * 224 * 3;
        float[] in = new float[n], o = new float[n + 16], junk = new float[Integer.getInteger("junk", 1 << 20)];
        for (int w = 0; w < 3000; w++) System.arraycopy(in, 0, o, 8, n);
        for (int round = 0; round < 5; round++) {
            long t = 0;
            for (int i = 0; i < 200; i++) {
                for (int j = 0; j < junk.length; j += 16) junk[j] += 1;
                long t0 = System.nanoTime();
                System.arraycopy(in, 0, o, 8, n);
                t += System.nanoTime() - t0;
            }
            System.out.printf("arraycopy 602 KB after a %d MB sweep: %.1f us%n", junk.length / 262144, t / 200e3);
        }
    }
}
