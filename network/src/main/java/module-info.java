/**
 * The mobilevec runtime: architectures as layer tables ({@code MobileNetV1}, {@code MobileNetV2}),
 * the cost model, weight files (safetensors, seeded weights), {@code Model} (batch norm folded, weights
 * packed once) and {@code Session} (zero-allocation, threaded inference). No third-party dependencies.
 */
module dev.mobilevec.network {
    requires transitive dev.mobilevec.kernels;
    requires java.management; // MachineFingerprint reads the JVM's flags
    requires jdk.management;  // MachineFingerprint reads the VM and OS
    requires java.desktop;    // ImageIO decodes images for dev.mobilevec.network.image
    exports dev.mobilevec.network;
    exports dev.mobilevec.network.image;
    // dev.mobilevec.network.internal (the JSON reader and writer) is not API: only the CLI, for its JSON output.
    exports dev.mobilevec.network.internal to dev.mobilevec.cli;
}
