package dev.mobilevec.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Executable;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No method or constructor of the kernels takes a vector, a mask, a species or an operator as a parameter (a species
 * that is not a compile-time constant makes the intrinsics fall back to Java code), and no method returns one. A
 * vector passed to or returned from a call that C2 does not inline is boxed, and whether C2 inlines a small helper
 * depends on the budget left in the method it is being inlined into, which depends on the profile: VectorActivation's gate helper (7 lines) was inlined in most JVMs and
 * became a real call in some, where MobileNetV3-large then allocated 230-255 KB per inference for as long as it ran
 * (Zen 4, 512 bits); Lanes.firstN, returning a mask, was left out of line in a cold branch of the depthwise border
 * after a v2 session in the same JVM (25 KB per V3-large inference). The zero-allocation tests run one model per fork
 * and did not see either; this checks the rule itself.
 */
class NoVectorArgumentsTest {

    @Test
    void noKernelMethodTakesOrReturnsAVectorAMaskOrASpecies() throws Exception {
        List<String> classes = kernelClasses();
        assertTrue(classes.contains("dev.mobilevec.kernels.PointwiseGemm$Prepared"), "scan found the 1x1 kernel: " + classes);
        assertTrue(classes.contains("dev.mobilevec.kernels.VectorActivation"), "scan found VectorActivation: " + classes);
        List<String> offenders = new ArrayList<>();
        for (String name : classes) {
            Class<?> c = Class.forName(name, false, NoVectorArgumentsTest.class.getClassLoader());
            List<Executable> all = new ArrayList<>(List.of(c.getDeclaredMethods()));
            all.addAll(List.of(c.getDeclaredConstructors()));
            for (java.lang.reflect.Method e : c.getDeclaredMethods()) {
                if (e.getReturnType().getPackageName().equals("jdk.incubator.vector")) {
                    offenders.add(name + "." + e.getName() + " returns " + e.getReturnType().getSimpleName());
                }
            }
            for (Executable e : all) {
                for (Class<?> p : e.getParameterTypes()) {
                    if (p.getPackageName().equals("jdk.incubator.vector")) {
                        offenders.add(name + "." + e.getName() + " takes " + p.getSimpleName());
                    }
                }
            }
        }
        assertEquals(List.of(), offenders, "write the vector code out in the loop instead of passing vectors to or from a helper");
    }

    /**
     * Every species constant of the kernels is {@link Lanes#SPECIES}: one float vector shape per JVM. A second shape
     * feeds the JDK's shared vector methods a second vector class, and where C2 loses a value's exact class inside a
     * kernel it then leaves those calls virtual and boxes: a 256-bit copy of the 1x1 kernel beside the 512-bit one
     * made MobileNetV3-large allocate 143 MB per inference after v2 in the same JVM, and an 8-channel 256-bit tile in
     * the 512-bit kernel 57 MB per MNASNet 0.5 inference after v1 (README, "One vector shape per JVM"). FmaProbe's
     * 256-bit loop measures the machine for {@code bench --json} after the timed runs and is the one exception.
     * {@link Lanes#INT_SPECIES} and {@link Lanes#LONG_SPECIES} (ints and longs of the same shape, whose only use is
     * broadcasting an input's bits, one or two floats) are allowed too: a second element type at the same shape is another class for other methods (IntVector's), not a second
     * class in FloatVector's shared ones; the zero-allocation tests and README's model sequences watch it.
     */
    @Test
    void everyKernelSpeciesIsThePreferredOne() throws Exception {
        List<String> offenders = new ArrayList<>();
        int seen = 0;
        for (String name : kernelClasses()) {
            Class<?> c = Class.forName(name, true, NoVectorArgumentsTest.class.getClassLoader());
            for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                if (!jdk.incubator.vector.VectorSpecies.class.isAssignableFrom(f.getType())
                        || !java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                f.setAccessible(true);
                seen++;
                if (f.get(null) != Lanes.SPECIES && f.get(null) != Lanes.INT_SPECIES && f.get(null) != Lanes.LONG_SPECIES
                        && !(c == FmaProbe.class && f.getName().equals("S256"))) {
                    offenders.add(name + "." + f.getName() + " = " + f.get(null));
                }
            }
        }
        assertTrue(seen >= 5, "found the kernels' species fields (" + seen + ")");
        assertEquals(Lanes.SPECIES.vectorShape(), Lanes.INT_SPECIES.vectorShape(), "the int species has the float one's shape");
        assertEquals(Lanes.SPECIES.length(), Lanes.INT_SPECIES.length(), "and its lane count");
        assertEquals(Lanes.SPECIES.vectorShape(), Lanes.LONG_SPECIES.vectorShape(), "the long species has the float one's shape");
        assertEquals(Lanes.SPECIES.length(), 2 * Lanes.LONG_SPECIES.length(), "and half its lane count");
        assertEquals(List.of(), offenders, "the kernels use one vector species, Lanes.SPECIES");
    }

    /** The main (non-test) classes of this package, from the directory or jar the kernels were loaded from. */
    private static List<String> kernelClasses() throws URISyntaxException, java.io.IOException {
        Path root = Path.of(PointwiseGemm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path dir = root.resolve("dev/mobilevec/kernels");
        assertTrue(Files.isDirectory(dir), "kernels loaded from a class directory, not " + root);
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".class"))
                    .map(f -> "dev.mobilevec.kernels." + f.substring(0, f.length() - ".class".length()))
                    .sorted().toList();
        }
    }
}
