package dev.mobilevec.bench;

import dev.mobilevec.network.LayerDef;
import dev.mobilevec.onnx.OnnxImporter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Prints the LayerBenchmark parameter list for the torchvision models in bench/models: "MODEL/#i" for the first
 * layer of each distinct convolution shape (spec and activation) of each model, comma-separated. Used by
 * {@code bench/run.sh peers}.
 */
public final class PeerLayers {
    private PeerLayers() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: PeerLayers MODEL... (torchvision names, files in bench/models)");
            System.exit(2);
        }
        List<String> out = new ArrayList<>();
        for (String m : args) {
            List<LayerDef> layers = OnnxImporter.read(BenchModels.file(m)).arch().layers();
            Set<String> seen = new LinkedHashSet<>();
            for (int i = 0; i < layers.size(); i++) {
                LayerDef l = layers.get(i);
                if (l.conv() != null && seen.add(l.conv() + " " + l.activation())) {
                    out.add(m + "/#" + i);
                }
            }
        }
        System.out.println(String.join(",", out));
    }
}
