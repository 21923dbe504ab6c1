package dev.mobilevec.onnx;

/**
 * An ONNX file we cannot load: not a valid protobuf, a graph we cannot map, an op, attribute or
 * shape we do not support. The message names the file part, node and op concerned. Never thrown
 * for a file we accepted: a model that loads runs.
 */
public final class OnnxException extends IllegalArgumentException {
    public OnnxException(String message) {
        super(message);
    }

    public OnnxException(String message, Throwable cause) {
        super(message, cause);
    }
}
