import java.lang.foreign.*;
import java.lang.invoke.MethodHandle;
public class Addr {
    static final MethodHandle MEMSET;
    static {
        Linker l = Linker.nativeLinker();
        MEMSET = l.downcallHandle(l.defaultLookup().find("memset").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG),
            Linker.Option.critical(true));
    }
    static long addr(float[] a, int i) throws Throwable {
        return (long) MEMSET.invokeExact(MemorySegment.ofArray(a).asSlice(4L * i), 0, 0L);
    }
    public static void main(String[] x) throws Throwable {
        for (int n : new int[]{1000, 100_000, 262_144, 524_284, 524_300, 1_000_000, 4_000_000}) {
            float[] a = new float[n];
            long ad = addr(a, 0);
            System.out.printf("n=%d bytes=%d addr%%64=%d addr%%4M=%d%n", n, 4L*n, ad % 64, ad % (4 << 20));
        }
        float[] big = new float[1_000_000];
        long before = addr(big, 0);
        for (int i = 0; i < 50; i++) { byte[][] junk = new byte[1000][]; for (int j = 0; j < 1000; j++) junk[j] = new byte[10000]; }
        System.gc();
        System.out.println("big before " + before % (4<<20) + " after gc " + addr(big, 0) % (4<<20));
    }
}
