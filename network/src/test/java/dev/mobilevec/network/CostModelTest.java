package dev.mobilevec.network;

import dev.mobilevec.network.internal.Json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The cost model against the figures printed in Howard et al. 2017 (Tables 6 and 7). */
class CostModelTest {

    static void assertPaper(double alpha, int res, double paperMacsMillions, double paperParamsMillions) {
        List<LayerDef> layers = MobileNetV1.standard(alpha, res).layers();
        double macs = CostModel.totalMacs(layers) / 1e6, params = CostModel.totalParams(layers) / 1e6;
        // The paper prints whole millions of MACs, sometimes truncated (160: 290.7 printed as 290), and
        // one decimal of parameters: compare within the printed precision.
        assertEquals(paperMacsMillions, macs, 1.0, "MACs of " + alpha + "-" + res);
        assertEquals(paperParamsMillions, params, 0.05, "params of " + alpha + "-" + res);
    }

    @Test
    void widthMultiplierReproducesTable6() {
        assertPaper(1.0, 224, 569, 4.2);
        assertPaper(0.75, 224, 325, 2.6);
        assertPaper(0.5, 224, 149, 1.3);
        assertPaper(0.25, 224, 41, 0.5);
    }

    @Test
    void resolutionReproducesTable7() {
        assertPaper(1.0, 192, 418, 4.2);
        assertPaper(1.0, 160, 290, 4.2);
        assertPaper(1.0, 128, 186, 4.2);
    }

    @Test
    void layerTableFollowsTable1() {
        List<LayerDef> t = MobileNetV1.standard(1.0, 224).layers();
        assertEquals(30, t.size(), "conv + 13 x (dw + pw) + pool + fc + softmax");
        assertEquals("112x112x32", t.get(0).outShape());
        assertEquals("7x7x1024", t.get(26).outShape());
        assertEquals(1, t.get(25).conv().strideH(), "the last depthwise has stride 1");
        assertEquals(1000, t.get(28).outC());
        // 1.0-224 is 568.7 M mult-adds: 1137.5 MFLOP.
        assertEquals(1137.5, t.stream().mapToLong(LayerDef::flops).sum() / 1e6, 0.05);
    }

    @Test
    void widthMultiplierFloorsWithAMinimumOf8() {
        MobileNetV1 a = MobileNetV1.standard(0.1, 224);
        assertEquals(8, a.channels(32), "floor(3.2) = 3 -> raised to 8");
        assertEquals(102, a.channels(1024));
        assertEquals(24, MobileNetV1.standard(0.75, 224).channels(32));
    }

    @Test
    void standardVersusSeparableFromTheFormula() {
        // 28x28x3 input, 5x5 kernel, 64 outputs, stride 1, same padding:
        // standard 5*5*3*64*28*28 = 3,763,200 (not the widely copied 37,632,000).
        CostModel.Comparison c = CostModel.standardVsSeparable(28, 3, 5, 64);
        assertEquals(3_763_200L, c.standard());
        assertEquals(5L * 5 * 3 * 28 * 28, c.depthwise());
        assertEquals(3L * 64 * 28 * 28, c.pointwise());
        assertEquals(1.0 / 64 + 1.0 / 25, c.ratio(), 1e-15);
    }

    @Test
    void tfSamePaddingPadsStride2LayersOnlyAtBottomRight() {
        List<LayerDef> t = new MobileNetV1(1.0, 224, 224, 1000, Padding.TF_SAME).layers();
        var stem = t.get(0).conv();
        assertEquals(0, stem.padTop());
        assertEquals(1, stem.padBottom());
        assertEquals("112x112x32", t.get(0).outShape());
        var dw1 = t.get(1).conv();
        assertEquals(1, dw1.padTop());
        assertEquals(1, dw1.padBottom());
    }

    @Test
    void rejectsBadArchitectures() {
        assertThrows(IllegalArgumentException.class, () -> MobileNetV1.standard(0, 224));
        assertThrows(IllegalArgumentException.class, () -> MobileNetV1.standard(Double.NaN, 224));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MobileNetV1.standard(1.0, 31));
        assertEquals("input must be at least 32x32, got 31x31", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MobileNetV1(1.0, 50000, 50000, 1000, Padding.SYMMETRIC).layers());
    }

    /**
     * MobileNetV2 1.0-224 against torchvision's model, counted by test-data/generate.py with forward
     * hooks (test-data/mobilenet_v2_cost.json): the same MACs exactly, and our parameters (weights +
     * one folded bias per convolution channel) = torchvision's minus one per batch-norm channel
     * (gamma and beta become that bias). The paper (Sandler et al., Table 3) prints 300 M and 3.4 M.
     */
    @Test
    @SuppressWarnings("unchecked")
    void mobileNetV2MatchesTorchvisionsCount() throws Exception {
        java.nio.file.Path p = java.nio.file.Files.isDirectory(java.nio.file.Path.of("test-data"))
                ? java.nio.file.Path.of("test-data") : java.nio.file.Path.of("../test-data");
        var cost = (java.util.Map<String, Object>) Json.parse(java.nio.file.Files.readString(p.resolve("mobilenet_v2_cost.json")));
        List<LayerDef> layers = MobileNetV2.standard(1.0, 224).layers();
        assertEquals(((Number) cost.get("macs")).longValue(), CostModel.totalMacs(layers));
        assertEquals(((Number) cost.get("torchvision_parameters")).longValue() - ((Number) cost.get("bn_channels")).longValue(),
                CostModel.totalParams(layers));
        assertEquals(300, CostModel.totalMacs(layers) / 1e6, 1.0);
        assertEquals(17, layers.stream().filter(l -> l.type() == LayerType.DEPTHWISE).count(), "17 inverted residual blocks");
        assertEquals(10, layers.stream().filter(l -> l.type() == LayerType.ADD).count(), "residual adds where stride 1 and channels match");
    }

    @Test
    void mobileNetV2WidthMultiplierRoundsChannelsToMultiplesOf8() {
        assertEquals(16, MobileNetV2.divisible(32 * 0.5));
        assertEquals(8, MobileNetV2.divisible(16 * 0.35));
        assertEquals(24, MobileNetV2.divisible(24 * 0.75 + 0.0)); // 18 -> 16 is more than 10 % below, so 24
        assertEquals(1280, MobileNetV2.standard(0.5, 224).layers().stream().filter(l -> l.name().equals("conv_last"))
                .findFirst().orElseThrow().outC(), "the head keeps 1280 below alpha 1");
    }
}
