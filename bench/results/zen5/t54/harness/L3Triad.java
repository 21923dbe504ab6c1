import dev.mobilevec.kernels.BandwidthProbe;

/** The kernels' own triad probe (BandwidthProbe) at working sets of 1-64 MB: where the guest's L3 stops serving. */
public class L3Triad {
    public static void main(String[] a) {
        for (String s : a) {
            int mb = Integer.parseInt(s);
            double gb = BandwidthProbe.gbPerSecond(mb * (1L << 20) / 3, 1500);
            System.out.printf("%4d MB (3 x %.2f MB): triad %.1f GB/s%n", mb, mb / 3.0, gb);
        }
    }
}
