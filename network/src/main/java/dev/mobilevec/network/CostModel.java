package dev.mobilevec.network;

import java.util.List;
import java.util.Locale;

/** Multiply-adds and parameters per layer and in total, read off the layer table. */
public final class CostModel {

    private CostModel() {}

    public static long totalMacs(List<LayerDef> layers) {
        return layers.stream().mapToLong(LayerDef::macs).sum();
    }

    public static long totalParams(List<LayerDef> layers) {
        return layers.stream().mapToLong(LayerDef::params).sum();
    }

    /** The per-layer table as text. */
    public static String table(List<LayerDef> layers) {
        StringBuilder sb = new StringBuilder();
        int nameWidth = Math.min(64, Math.max(16, layers.stream().mapToInt(l -> l.name().length()).max().orElse(16)));
        String head = "%-3s %-" + nameWidth + "s %-8s %-14s %-14s %10s %10s %6s%n";
        String row = "%-3d %-" + nameWidth + "s %-8s %-14s %-14s %10.3f %10d %5.1f%%%n";
        sb.append(String.format(Locale.ROOT, head, "#", "layer", "type", "input", "output", "MACs (M)", "params", "MACs%"));
        long total = totalMacs(layers);
        for (LayerDef l : layers) {
            sb.append(String.format(Locale.ROOT, row,
                    l.index(), l.name(), l.label(), l.inH() + "x" + l.inW() + "x" + l.inC(), l.outShape(),
                    l.macs() / 1e6, l.params(), 100.0 * l.macs() / total));
        }
        sb.append(String.format(Locale.ROOT, "total: MACs %.1f million, params %.3f million (weights + folded biases)%n",
                total / 1e6, totalParams(layers) / 1e6));
        return sb.toString();
    }

    /**
     * The paper's comparison (Howard et al. 2017, section 3.1) for one layer with a Df x Df x M input,
     * a Dk x Dk kernel and N outputs at stride 1 with 'same' padding (so the output is Df x Df x N).
     */
    public record Comparison(long standard, long depthwise, long pointwise) {
        public long separable() {
            return depthwise + pointwise;
        }

        public double ratio() {
            return (double) separable() / standard;
        }
    }

    public static Comparison standardVsSeparable(int df, int m, int dk, int n) {
        long pixels = (long) df * df;
        return new Comparison(pixels * dk * dk * m * n, pixels * dk * dk * m, pixels * m * n);
    }
}
