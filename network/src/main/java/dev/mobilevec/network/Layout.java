package dev.mobilevec.network;

/** Memory order of an input batch. The network computes in NHWC; NCHW input is converted on the way in. */
public enum Layout {
    NHWC, NCHW
}
