package dev.mobilevec.kernels;

/**
 * Whether the Vector API module ({@code jdk.incubator.vector}) is present, and what to do when it is not.
 *
 * <p>An incubator module is only resolved when the JVM is started with {@code --add-modules
 * jdk.incubator.vector} (or when a module on the module path requires it, as {@code dev.mobilevec.kernels}
 * does). Without it the first touch of a vector class fails deep inside a kernel with
 * {@code NoClassDefFoundError: jdk/incubator/vector/FloatVector}. The fast kernels call {@link #require}
 * first, so the user sees instead which flag is missing and where it goes. This class and the reference
 * kernels never load a vector class, so {@code Backend.REFERENCE} keeps working without the module.
 */
public final class VectorSupport {
    private static final String FLAG = "--add-modules jdk.incubator.vector";
    private static final boolean AVAILABLE = probe();

    private VectorSupport() {}

    private static boolean probe() {
        try {
            // initialize=false: no vector code runs, we only ask whether the class can be found.
            Class.forName("jdk.incubator.vector.FloatVector", false, VectorSupport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** True when this JVM can run the fast (vector) kernels. */
    public static boolean isAvailable() {
        return AVAILABLE;
    }

    /** Throws {@link VectorApiUnavailableError}, saying which flag to add and where, unless the module is present. */
    public static void require() {
        if (!AVAILABLE) {
            throw new VectorApiUnavailableError(message());
        }
    }

    /** The explanation {@link #require} throws: the flag, and where it goes for each common launcher. */
    public static String message() {
        return "mobilevec's fast kernels need the Vector API module jdk.incubator.vector, but this JVM (Java "
                + Runtime.version() + ", " + System.getProperty("java.home") + ") was started without it."
                + " Add the JVM option " + FLAG + " where the JVM is launched:\n"
                + "  java command line:   java " + FLAG + " -cp app.jar your.Main\n"
                + "  Maven Surefire:      <argLine>" + FLAG + "</argLine> in the maven-surefire-plugin configuration\n"
                + "  Maven exec plugin:   exec:exec with <argument>--add-modules</argument><argument>jdk.incubator.vector</argument>"
                + " before -classpath (exec:java runs inside Maven's own JVM: export MAVEN_OPTS=\"" + FLAG + "\")\n"
                + "  Gradle:              application { applicationDefaultJvmArgs = ['--add-modules', 'jdk.incubator.vector'] }"
                + " and tasks.withType(Test) { jvmArgs '--add-modules', 'jdk.incubator.vector' }\n"
                + "  containers, scripts: JDK_JAVA_OPTIONS=\"" + FLAG + "\" (read by every java launcher)\n"
                + "On the module path, 'requires dev.mobilevec.kernels' resolves the module without a flag. The JDK must be 25 or newer."
                + " Backend.REFERENCE runs without the module (the double-precision reference kernels, 15-115x slower per layer).";
    }
}
