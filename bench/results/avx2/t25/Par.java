public class Par {
    public static void main(String[] a) throws Exception {
        int n = 40_000_000;
        for (int round = 0; round < Integer.getInteger("rounds", 6); round++) {
            long t0 = System.nanoTime(); LoadProbe.regs(n); long t1 = System.nanoTime();
            double one = 16.0 * 8 * n / (t1 - t0);
            Thread[] ts = new Thread[2]; double[] g = new double[2];
            for (int i = 0; i < 2; i++) { final int k = i; ts[i] = new Thread(() -> { long s = System.nanoTime(); LoadProbe.regs(n); g[k] = 16.0 * 8 * n / (System.nanoTime() - s); }); }
            for (Thread t : ts) t.start(); for (Thread t : ts) t.join();
            System.out.printf("1 thread %.1f GFLOPS; 2 threads %.1f + %.1f%n", one, g[0], g[1]);
        }
    }
}
