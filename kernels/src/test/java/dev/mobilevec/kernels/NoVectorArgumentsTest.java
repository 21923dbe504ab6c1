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

    /**
     * After a method's first FMA (its accumulators live), it calls nothing but the JDK: no method of ours, however
     * small. C2 inlines the calls of a large vector method until its graph reaches NodeCountInliningCutoff; a call
     * met after that stays a call, which clobbers every vector register. {@code act.tileMin()} in the 1x1 tiles'
     * epilogue was such a call in two or three compiles per JVM (-XX:+PrintInlining: "failed to inline:
     * NodeCountInliningCutoff"), and the 6x4 tile then stored and reloaded its 24 accumulators in every tile:
     * 28x28x32->192 at 74 % of peak in those JVMs, 83 % in the others. The bounds are fields now, and masks'
     * bits and scalar bounds are read into locals at a method's start. "After the first FMA" is the bytecode's
     * order, so a loop that stores its accumulators before a later call counts too; the methods below do that, and
     * at their calls only constants are live (a channel tail after the full blocks were stored, the rows of a
     * softmax): allowed by name.
     */
    @Test
    void noKernelCallsItsOwnCodeWhileAccumulatorsAreLive() throws Exception {
        java.util.Set<String> storedBeforeTheCall = java.util.Set.of("dev.mobilevec.kernels.DepthwiseConv3x3Nhwc$Prepared.border",
                "dev.mobilevec.kernels.VectorTensorOps.globalAveragePool", "dev.mobilevec.kernels.VectorTensorOps.softmax");
        List<String> offenders = new ArrayList<>();
        int methodsWithFma = 0;
        for (String name : kernelClasses()) {
            Path file = Path.of(PointwiseGemm.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .resolve(name.replace('.', '/') + ".class");
            java.lang.classfile.ClassModel cm = java.lang.classfile.ClassFile.of().parse(Files.readAllBytes(file));
            for (java.lang.classfile.MethodModel mm : cm.methods()) {
                if (mm.code().isEmpty()) {
                    continue;
                }
                boolean live = false;
                for (java.lang.classfile.CodeElement e : mm.code().get()) {
                    if (!(e instanceof java.lang.classfile.instruction.InvokeInstruction ii)) {
                        continue;
                    }
                    String owner = ii.owner().asInternalName();
                    if (owner.startsWith("jdk/incubator/vector/") && ii.name().equalsString("fma")) {
                        methodsWithFma += live ? 0 : 1;
                        live = true;
                    } else if (live && owner.startsWith("dev/mobilevec/") && !storedBeforeTheCall.contains(name + "." + mm.methodName().stringValue())) {
                        offenders.add(name + "." + mm.methodName().stringValue() + " calls " + owner + "." + ii.name().stringValue());
                    }
                }
            }
        }
        assertTrue(methodsWithFma >= 40, "found the kernels' FMA methods (" + methodsWithFma + ")");
        assertEquals(List.of(), offenders, "read what the epilogue needs into a local before the loop, or keep it in a field");
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
