/**
 * A 1.6 MB array (an early-layer tensor's size) written whole, then read back after OTHER MB of unrelated reads, with
 * a 64 MB array read in between rounds: the rate at which data written once comes back. Usage: {@code javac WB.java &&
 * java -XX:+UseTransparentHugePages WB 1 OTHER}.
 */
public class WB {
    static float sink;
    static long read(float[] x) {
        long t0 = System.nanoTime();
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (int i = 0; i < x.length; i += 64) { s0 += x[i]; s1 += x[i + 16]; s2 += x[i + 32]; s3 += x[i + 48]; }
        sink += s0 + s1 + s2 + s3;
        return System.nanoTime() - t0;
    }
    static void write(float[] x, float v) { for (int i = 0; i < x.length; i++) x[i] = v; }
    public static void main(String[] a) {
        int mb = Integer.parseInt(a[0]);
        float[] x = new float[409600 * mb], other = new float[(Integer.parseInt(a[1])) << 18], big = new float[64 << 18];
        for (int rep = 0; rep < 30; rep++) {
            read(big);
            write(x, rep);               // x written whole (dirty)
            read(other);                 // other traffic
            long t = read(x);
            read(big);
            read(x); read(other);
            long t2 = read(x);           // x clean, read after the other traffic
            if (rep >= 25) System.out.printf("x %.1f MB: after write + %d MB other: %.1f GB/s; clean after other: %.1f GB/s%n", x.length * 4 / 1e6, other.length >> 18, x.length * 4.0 / t, x.length * 4.0 / t2);
        }
    }
}
