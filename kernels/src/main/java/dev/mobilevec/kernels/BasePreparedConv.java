package dev.mobilevec.kernels;

/** The shape and activation every prepared convolution carries. */
abstract class BasePreparedConv implements PreparedConv {
    final ConvSpec spec;
    final Activation act;

    BasePreparedConv(ConvSpec spec, Activation act) {
        this.spec = spec;
        this.act = act;
    }

    @Override
    public final ConvSpec spec() {
        return spec;
    }

    @Override
    public final Activation activation() {
        return act;
    }
}
