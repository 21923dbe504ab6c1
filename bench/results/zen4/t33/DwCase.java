import dev.mobilevec.kernels.*;
import java.util.*;

/** A depthwise layer from "h,w,c,k,s" (padding k/2 each side, torchvision style), with random weights: the t33 harnesses' shared setup. */
record DwCase(ConvSpec spec, PreparedConv conv) {
    static DwCase of(String shape, Random r, Activation act) {
        int[] s = Arrays.stream(shape.split(",")).mapToInt(Integer::parseInt).toArray();
        int h = s[0], w = s[1], c = s[2], k = s[3], st = s[4], pad = k / 2;
        ConvSpec spec = new ConvSpec(h, w, c, c, k, k, st, st, pad, pad, pad, pad, c);
        float[] wt = new float[spec.weightLength()];
        for (int i = 0; i < wt.length; i++) wt[i] = r.nextFloat() - 0.5f;
        Conv2dKernel kernel = k == 5 ? DepthwiseConv5x5Nhwc.INSTANCE : DepthwiseConv3x3Nhwc.INSTANCE;
        return new DwCase(spec, kernel.prepare(spec, wt, new float[c], act));
    }

    String name() {
        return spec.inH() + "x" + spec.inW() + "x" + spec.inC() + "/k" + spec.kH() + "s" + spec.strideH();
    }
}
