package dev.mobilevec.cli;

import dev.mobilevec.network.CostModel;
import dev.mobilevec.network.LayerDef;
import dev.mobilevec.network.Architecture;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "cost", mixinStandardHelpOptions = true,
        header = "Per-layer and total multiply-adds and parameters of MobileNet v1 or v2.",
        description = "Prints the layer table of MobileNet v1 or v2 (--arch) with multiply-adds (MACs) and parameters per layer and in total.")
final class CostCommand implements Callable<Integer> {
    @Mixin
    ModelOptions model = new ModelOptions();

    @Option(names = "--compare", paramLabel = "Df,M,Dk,N",
            description = "Also compare a standard Dk x Dk convolution with its depthwise-separable version on a Df x Df x M input with N outputs (stride 1, same padding), for example 28,3,5,64. Default: none.")
    String compare;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Architecture arch = model.arch(null);
        List<LayerDef> layers = arch.layers();
        var out = spec.commandLine().getOut();
        out.println(arch);
        out.print(CostModel.table(layers));
        out.printf(Locale.ROOT, "MACs %.1f M%nparams %.2f M%n", CostModel.totalMacs(layers) / 1e6, CostModel.totalParams(layers) / 1e6);
        if (compare != null) {
            String[] p = compare.split(",");
            if (p.length != 4) {
                throw new IllegalArgumentException("--compare needs Df,M,Dk,N (4 numbers), got '" + compare + "'");
            }
            int df, m, dk, n;
            try {
                df = Integer.parseInt(p[0].trim());
                m = Integer.parseInt(p[1].trim());
                dk = Integer.parseInt(p[2].trim());
                n = Integer.parseInt(p[3].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--compare needs whole numbers, got '" + compare + "'");
            }
            if (df < 1 || m < 1 || dk < 1 || n < 1) {
                throw new IllegalArgumentException("--compare values must be >= 1, got '" + compare + "'");
            }
            CostModel.Comparison c = CostModel.standardVsSeparable(df, m, dk, n);
            out.printf(Locale.ROOT, "%dx%dx%d input, %dx%d kernel, %d outputs (stride 1, same padding):%n", df, df, m, dk, dk, n);
            out.printf(Locale.ROOT, "  standard   Dk*Dk*M*N*Df*Df = %,d mult-adds%n", c.standard());
            out.printf(Locale.ROOT, "  depthwise  Dk*Dk*M*Df*Df   = %,d%n", c.depthwise());
            out.printf(Locale.ROOT, "  pointwise  M*N*Df*Df       = %,d%n", c.pointwise());
            out.printf(Locale.ROOT, "  separable total            = %,d  = %.4f of standard (1/N + 1/Dk^2 = %.4f)%n",
                    c.separable(), c.ratio(), 1.0 / n + 1.0 / (dk * dk));
        }
        return 0;
    }
}
