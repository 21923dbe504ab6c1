package dev.mobilevec.network;

public class AsgDump {
    public static void main(String[] args) throws Exception {
        java.lang.reflect.Method m = Class.forName("dev.mobilevec.bench.BenchModels").getDeclaredMethod("model", String.class);
        m.setAccessible(true);
        Model model = (Model) m.invoke(null, args[0]);

        LayerDef[] layers = model.layers().toArray(new LayerDef[0]);
        BlockChain[] chains = BlockChain.find(model, layers, 1, 0);
        int[] a = new int[layers.length];
        int n = Session.assignBuffers(layers, a, chains);
        System.out.println(n + " buffers");
        for (LayerDef l : layers) {
            System.out.println(l.index() + " " + l.type() + " " + l.outShape() + " in=" + l.input() + " -> buf " + a[l.index()]);
        }
    }
}
