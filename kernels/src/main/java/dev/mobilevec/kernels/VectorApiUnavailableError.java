package dev.mobilevec.kernels;

/**
 * The fast kernels were used in a JVM started without {@code --add-modules jdk.incubator.vector}; the
 * message says where the flag goes. A {@link LinkageError}, like the {@code NoClassDefFoundError} it
 * replaces: the JVM passes an {@code Error} thrown by a static initializer through unwrapped, so the
 * first use of any fast kernel shows this message (later uses of the same class get the JVM's
 * {@code NoClassDefFoundError}, whose cause chain carries it).
 */
public final class VectorApiUnavailableError extends LinkageError {
    private static final long serialVersionUID = 1L;

    public VectorApiUnavailableError(String message) {
        super(message);
    }
}
