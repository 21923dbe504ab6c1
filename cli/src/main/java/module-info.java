/** The {@code mobilevec} command line. Not an API: picocli reads the command classes reflectively. */
module dev.mobilevec.cli {
    requires dev.mobilevec.onnx;
    requires info.picocli;
    opens dev.mobilevec.cli to info.picocli;
}
