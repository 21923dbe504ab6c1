/**
 * ONNX import ({@code OnnxImporter}: MobileNet v1/v2/v3-style graphs onto the mobilevec runtime, with
 * clear refusals) and export ({@code OnnxExporter}). The protobuf schema classes are internal.
 */
module dev.mobilevec.onnx {
    requires transitive dev.mobilevec.network;
    requires com.google.protobuf;
    exports dev.mobilevec.onnx;
}
