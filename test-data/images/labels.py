#!/usr/bin/python3
"""Writes the ImageNet-1k class names, in torchvision's order (torchvision.models._meta._IMAGENET_CATEGORIES,
Debian's python3-torchvision 0.14), one per line, as the runtime's resource. Run from the repository root."""
from torchvision.models._meta import _IMAGENET_CATEGORIES as NAMES

assert len(NAMES) == 1000
with open("network/src/main/resources/dev/mobilevec/network/image/imagenet_classes.txt", "w") as f:
    f.write("\n".join(NAMES) + "\n")
print(len(NAMES), "names")
