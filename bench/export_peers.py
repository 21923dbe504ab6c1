#!/usr/bin/env python3
"""Exports torchvision's MobileNetV3-small/large and MNASNet 0.5/1.0 (224x224, 1000 classes) to bench/models/*.onnx
for the end-to-end benchmarks against ONNX Runtime (`-p model=mobilenet_v3_small,...`).

Random weights (seeded), batch norm calibrated and randomised as test-data/generate.py does, opset 17. Needs
Debian's python3-torch 1.13 / python3-torchvision 0.14 (run with /usr/bin/python3). The files are large (up to
22 MB) and reproducible, so they are not committed.
"""
import importlib.util
import os
import sys

import torch
import torchvision

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("generate", os.path.join(HERE, "..", "test-data", "generate.py"))
generate = importlib.util.module_from_spec(spec)
spec.loader.exec_module(generate)

MODELS = {
    "mobilenet_v3_small": lambda: torchvision.models.mobilenet_v3_small(),
    "mobilenet_v3_large": lambda: torchvision.models.mobilenet_v3_large(),
    "mnasnet0_5": lambda: torchvision.models.mnasnet0_5(),
    "mnasnet1_0": lambda: torchvision.models.mnasnet1_0(),
}


def main():
    out = os.path.join(HERE, "models")
    os.makedirs(out, exist_ok=True)
    for i, (name, make) in enumerate(MODELS.items()):
        torch.manual_seed(500 + i)
        model = make()
        image = generate.input_image(600 + i, (1, 3, 224, 224))
        generate.randomise_batch_norm(model, 700 + i, image)
        path = os.path.join(out, name + ".onnx")
        torch.onnx.export(model, image, path, opset_version=17, input_names=["input"], output_names=["output"],
                          do_constant_folding=True, dynamic_axes={"input": {0: "N"}, "output": {0: "N"}})
        print(f"{name}: {path} ({os.path.getsize(path) / 1e6:.1f} MB)")


if __name__ == "__main__":
    sys.exit(main())
