#!/usr/bin/python3
"""Golden models, inputs and outputs for mobilevec's ONNX import tests, made by tools nobody here wrote.

Install (Debian 12):  apt-get install python3-torch python3-torchvision python3-onnx python3-numpy
Run from the repository root:  /usr/bin/python3 test-data/generate.py

Writes into test-data/:
  <model>.onnx            the model (weights inside the file)
  <model>.input.f32       the input, NCHW float32 little-endian
  <model>.expected.f32    PyTorch's output in float32
  <model>.expected.f64    PyTorch's output with the model and input in float64
  manifest.json           shapes, opsets, seeds and tool versions for every model
  mobilenet_v2_cost.json  MACs and parameters of torchvision's MobileNetV2 1.0-224, counted here
                          with forward hooks (an independent check of our cost model)

Everything is seeded, so a rerun with the same package versions gives the same files.
"""
import json
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper
import torch
import torch.nn as nn
import torchvision

OUT = os.path.dirname(os.path.abspath(__file__))
torch.set_num_threads(1)


def randomise_batch_norm(model, seed, image):
    """Random gamma/beta, then running statistics from a calibration batch (momentum 1), then perturbed.

    Statistics taken from real activations keep a deep random network in a sane range; the perturbation
    and random affine parameters make every batch-norm parameter matter to the output.
    """
    g = torch.Generator().manual_seed(seed)
    bns = [m for m in model.modules() if isinstance(m, nn.BatchNorm2d)]
    with torch.no_grad():
        for bn in bns:
            c = bn.num_features
            bn.weight.copy_(0.5 + torch.rand(c, generator=g))
            bn.bias.copy_(torch.rand(c, generator=g) - 0.3)
            bn.momentum = 1.0
        model.train()
        calib = torch.rand((8,) + tuple(image.shape[1:]), generator=g) * 2 - 1
        model(calib)
        for bn in bns:
            c = bn.num_features
            std = bn.running_var.sqrt()
            bn.running_mean.add_(0.2 * std * torch.randn(c, generator=g))
            bn.running_var.mul_(0.7 + 0.6 * torch.rand(c, generator=g))
    model.eval()


def save_raw(path, array, dtype):
    np.ascontiguousarray(array, dtype=dtype).astype(np.dtype(dtype).newbyteorder("<")).tofile(path)


def write_case(name, model, image, opset, how, manifest, softmax=False):
    """Exports model to ONNX and records PyTorch's outputs in float32 and float64."""
    model.eval()
    path = os.path.join(OUT, name + ".onnx")
    torch.onnx.export(model, image, path, opset_version=opset, input_names=["input"], output_names=["output"],
                      do_constant_folding=False, dynamic_axes={"input": {0: "N"}, "output": {0: "N"}})
    with torch.no_grad():
        y32 = model(image).numpy()
        y64 = model.double()(image.double()).numpy()
        model.float()
    finish_case(name, image, y32, y64, opset, how, manifest)


def finish_case(name, image, y32, y64, opset, how, manifest):
    save_raw(os.path.join(OUT, name + ".input.f32"), image.numpy(), np.float32)
    save_raw(os.path.join(OUT, name + ".expected.f32"), y32, np.float32)
    save_raw(os.path.join(OUT, name + ".expected.f64"), y64, np.float64)
    order = np.argsort(-y64[0])
    top = y64[0][order[:6]]
    manifest["models"][name] = {
        "file": name + ".onnx",
        "input": name + ".input.f32",
        "input_shape": list(image.shape),
        "output_shape": list(y64.shape),
        "expected_f32": name + ".expected.f32",
        "expected_f64": name + ".expected.f64",
        "opset": opset,
        "how": how,
        "top5": [int(i) for i in order[:5]],
        "min_gap_top6": float(np.min(top[:-1] - top[1:])),
        "max_abs_f32_vs_f64": float(np.max(np.abs(y32.astype(np.float64) - y64))),
    }
    print(f"{name}: output {list(y64.shape)}, top-5 {order[:5].tolist()}, "
          f"smallest gap among top 6 {manifest['models'][name]['min_gap_top6']:.3g}, "
          f"|f32 - f64| max {manifest['models'][name]['max_abs_f32_vs_f64']:.3g}")


def input_image(seed, shape):
    g = torch.Generator().manual_seed(seed)
    return torch.rand(shape, generator=g) * 2 - 1


# ---- MobileNet v1, built node by node with onnx.helper (batch norm not folded; Clip in attribute form) ----

def v1_small(manifest):
    """MobileNet v1 at alpha 0.25, 96x96, 10 classes; opset 10, so ReLU6 is Clip with min/max attributes."""
    seed = 101
    g = torch.Generator().manual_seed(seed)
    alpha, size, classes = 0.25, 96, 10
    blocks = [(64, 1), (128, 2), (128, 1), (256, 2), (256, 1), (512, 2),
              (512, 1), (512, 1), (512, 1), (512, 1), (512, 1), (1024, 2), (1024, 1)]
    ch = lambda c: max(8, int(c * alpha))

    # The same network in PyTorch, for the expected outputs.
    layers = []
    c_in = 3

    def conv_bn(cin, cout, k, stride, groups):
        conv = nn.Conv2d(cin, cout, k, stride, k // 2, groups=groups, bias=False)
        bn = nn.BatchNorm2d(cout)
        return [conv, bn, nn.ReLU6()]

    layers += conv_bn(3, ch(32), 3, 2, 1)
    c_in = ch(32)
    for c, s in blocks:
        layers += conv_bn(c_in, c_in, 3, s, c_in)
        layers += conv_bn(c_in, ch(c), 1, 1, 1)
        c_in = ch(c)
    torch.manual_seed(seed)
    body = nn.Sequential(*layers)
    fc = nn.Linear(c_in, classes)
    model = nn.Sequential(body, nn.AdaptiveAvgPool2d(1), nn.Flatten(), fc, nn.Softmax(dim=1))
    image = input_image(seed + 1, (1, 3, size, size))
    randomise_batch_norm(model, seed + 2, image)

    # The ONNX graph, written by hand from the PyTorch parameters.
    nodes, inits = [], []
    cur = "input"
    idx = 0
    mods = list(body)
    for i in range(0, len(mods), 3):
        conv, bn = mods[i], mods[i + 1]
        p = f"l{idx}"
        inits.append(numpy_helper.from_array(conv.weight.detach().numpy(), p + ".w"))
        for nm, t in (("g", bn.weight), ("b", bn.bias), ("m", bn.running_mean), ("v", bn.running_var)):
            inits.append(numpy_helper.from_array(t.detach().numpy(), p + "." + nm))
        k = conv.kernel_size[0]
        nodes.append(helper.make_node("Conv", [cur, p + ".w"], [p + ".conv"], name=p + "/Conv", kernel_shape=[k, k],
                                      strides=list(conv.stride), pads=[k // 2] * 4, group=conv.groups))
        nodes.append(helper.make_node("BatchNormalization", [p + ".conv", p + ".g", p + ".b", p + ".m", p + ".v"],
                                      [p + ".bn"], name=p + "/BN", epsilon=bn.eps))
        nodes.append(helper.make_node("Clip", [p + ".bn"], [p + ".out"], name=p + "/ReLU6", min=0.0, max=6.0))
        cur = p + ".out"
        idx += 1
    inits.append(numpy_helper.from_array(fc.weight.detach().numpy(), "fc.w"))
    inits.append(numpy_helper.from_array(fc.bias.detach().numpy(), "fc.b"))
    nodes += [
        helper.make_node("GlobalAveragePool", [cur], ["pool"], name="pool"),
        helper.make_node("Flatten", ["pool"], ["flat"], name="flatten", axis=1),
        helper.make_node("Gemm", ["flat", "fc.w", "fc.b"], ["logits"], name="fc", transB=1),
        helper.make_node("Softmax", ["logits"], ["output"], name="softmax", axis=1),
    ]
    graph = helper.make_graph(nodes, "mobilenet_v1_0.25_96",
                              [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["N", 3, size, size])],
                              [helper.make_tensor_value_info("output", TensorProto.FLOAT, ["N", classes])], inits)
    m = helper.make_model(graph, producer_name="mobilevec test-data/generate.py (onnx.helper)",
                          opset_imports=[helper.make_opsetid("", 10)])
    m.ir_version = 5
    onnx.checker.check_model(m)
    name = "mobilenet_v1_0.25_96"
    onnx.save(m, os.path.join(OUT, name + ".onnx"))
    with torch.no_grad():
        y32 = model(image).numpy()
        y64 = model.double()(image.double()).numpy()
    finish_case(name, image, y32, y64, 10,
                "MobileNet v1 alpha 0.25, 96x96, 10 classes, random init (seed 101), batch norm randomised; "
                "ONNX written with onnx.helper (Conv, BatchNormalization, Clip attributes, GlobalAveragePool, "
                "Flatten, Gemm transB=1, Softmax); expected outputs from the equivalent torch.nn model", manifest)


def v2(manifest):
    seed = 202
    torch.manual_seed(seed)
    model = torchvision.models.mobilenet_v2(width_mult=0.5, num_classes=100)
    image = input_image(seed + 1, (1, 3, 160, 160))
    randomise_batch_norm(model, seed + 2, image)
    write_case("mobilenet_v2_0.5_160", model, image, 13,
               "torchvision.models.mobilenet_v2(width_mult=0.5, num_classes=100), random init (seed 202), batch norm "
               "randomised, exported by torch.onnx at opset 13 (Clip in input form), ends in Gemm (logits)", manifest)


def v3_small(manifest):
    seed = 303
    torch.manual_seed(seed)
    model = torchvision.models.mobilenet_v3_small(num_classes=100)
    image = input_image(seed + 1, (1, 3, 128, 128))
    randomise_batch_norm(model, seed + 2, image)
    write_case("mobilenet_v3_small_128", model, image, 17,
               "torchvision.models.mobilenet_v3_small(num_classes=100), random init (seed 303), batch norm randomised, "
               "exported by torch.onnx at opset 17 (HardSwish and HardSigmoid ops, squeeze-excitation, depthwise 5x5), "
               "ends in Gemm (logits)", manifest)


class V3Blocks(nn.Module):
    """A stem and two MobileNetV3 blocks with a classifier; at opset 13 HardSwish is exported as x * HardSigmoid(x)."""

    def __init__(self):
        super().__init__()
        small = torchvision.models.mobilenet_v3_small(num_classes=10)
        self.features = nn.Sequential(*list(small.features)[:5])
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(40, 10)

    def forward(self, x):
        return torch.softmax(self.fc(torch.flatten(self.pool(self.features(x)), 1)), dim=1)


def v3_blocks_opset13(manifest):
    seed = 404
    torch.manual_seed(seed)
    model = V3Blocks()
    image = input_image(seed + 1, (1, 3, 64, 64))
    randomise_batch_norm(model, seed + 2, image)
    write_case("v3_blocks_opset13_64", model, image, 13,
               "the stem and first four blocks of torchvision's mobilenet_v3_small, pooling, Linear(40, 10), softmax; "
               "random init (seed 404), batch norm randomised, opset 13 (HardSwish as x * HardSigmoid(x), 5x5 depthwise, "
               "squeeze-excitation)", manifest)


def v2_cost():
    """MACs and weights of torchvision's MobileNetV2 1.0-224 (1000 classes), counted with forward hooks."""
    model = torchvision.models.mobilenet_v2().eval()
    macs = [0]

    def conv_hook(m, inp, out):
        macs[0] += out.numel() * (m.in_channels // m.groups) * m.kernel_size[0] * m.kernel_size[1]

    def linear_hook(m, inp, out):
        macs[0] += out.numel() * m.in_features

    for m in model.modules():
        if isinstance(m, nn.Conv2d):
            m.register_forward_hook(conv_hook)
        elif isinstance(m, nn.Linear):
            m.register_forward_hook(linear_hook)
    with torch.no_grad():
        model(torch.zeros(1, 3, 224, 224))
    conv_weights = sum(m.weight.numel() for m in model.modules() if isinstance(m, nn.Conv2d))
    bn_channels = sum(m.num_features for m in model.modules() if isinstance(m, nn.BatchNorm2d))
    fc = model.classifier[1]
    cost = {
        "how": "torchvision.models.mobilenet_v2() at 1x3x224x224; MACs = sum over Conv2d and Linear of output elements "
               "x (in_channels/groups) x kernel area (x in_features for Linear)",
        "macs": macs[0],
        "conv_weights": conv_weights,
        "bn_channels": bn_channels,
        "fc_weights": fc.weight.numel(),
        "fc_bias": fc.bias.numel(),
        "torchvision_parameters": sum(p.numel() for p in model.parameters()),
    }
    with open(os.path.join(OUT, "mobilenet_v2_cost.json"), "w") as f:
        json.dump(cost, f, indent=2)
        f.write("\n")
    print("mobilenet_v2 1.0-224:", cost["macs"], "MACs,", cost["torchvision_parameters"], "parameters")


def main():
    manifest = {
        "generator": "test-data/generate.py",
        "tools": {"python": sys.version.split()[0], "torch": torch.__version__, "torchvision": torchvision.__version__,
                  "onnx": onnx.__version__, "numpy": np.__version__},
        "layout": "inputs NCHW float32 little-endian; expected outputs as the graph declares them, float32 / float64 little-endian",
        "models": {},
    }
    v1_small(manifest)
    v2(manifest)
    v3_small(manifest)
    v3_blocks_opset13(manifest)
    v2_cost()
    with open(os.path.join(OUT, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
