#!/usr/bin/python3
"""Golden data for image decoding and preprocessing, made with Pillow and torchvision (Debian 12:
python3-pil 9.4, python3-torchvision 0.14, python3-skimage 0.19 for three sample photos).

For each source image in src/ (written here, then committed):
  expected/NAME.decoded.png        Pillow's Image.open(src).convert("RGB"), saved losslessly
  expected/NAME.r256c224.png       torchvision Resize(256) + CenterCrop(224) of that, as uint8
  expected/NAME.r64c56.f32         torchvision Resize(64), CenterCrop(56), ToTensor, Normalize(ImageNet),
                                   float32 little-endian, C x H x W
and manifest.json listing them. Files Pillow cannot open or convert are listed with the error instead.
Run from the repository root: /usr/bin/python3 test-data/images/generate.py
"""
import json
import os

import numpy as np
from PIL import Image
import torch
import torchvision
from torchvision import transforms as T

HERE = os.path.dirname(os.path.abspath(__file__))
SRC, EXP = os.path.join(HERE, "src"), os.path.join(HERE, "expected")
MEAN, STD = [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]


def sources():
    """Writes src/: three real photographs and synthetic edge cases."""
    os.makedirs(SRC, exist_ok=True)
    rng = np.random.default_rng(20261202)
    from skimage import data
    # Real photographs (scikit-image's sample data; licences in README.md), as JPEG at quality 90.
    for name in ("chelsea", "coffee", "astronaut"):
        Image.fromarray(getattr(data, name)()).save(os.path.join(SRC, f"{name}.jpg"), quality=90)
    noise = lambda h, w: rng.integers(0, 256, (h, w, 3), dtype=np.uint8)
    grad = lambda h, w: np.stack(np.meshgrid(np.linspace(0, 255, w), np.linspace(0, 255, h)) + [np.full((h, w), 128.0)],
                                 axis=-1).astype(np.uint8)
    Image.fromarray(noise(1, 1)).save(os.path.join(SRC, "one_pixel.png"))
    Image.fromarray(grad(1, 5000)).save(os.path.join(SRC, "strip_1x5000.png"))
    Image.fromarray(noise(211, 317)).save(os.path.join(SRC, "noise_317x211.png"))
    Image.fromarray(grad(37, 50)).save(os.path.join(SRC, "small_50x37.png"))           # below the crop: upscaled
    Image.fromarray(noise(300, 257)).save(os.path.join(SRC, "odd_257x300.jpg"), quality=85)
    Image.fromarray(rng.integers(0, 256, (77, 123), dtype=np.uint8), "L").save(os.path.join(SRC, "grey_123x77.png"))
    Image.fromarray(rng.integers(0, 256, (89, 101), dtype=np.uint8), "L").save(os.path.join(SRC, "grey_101x89.jpg"), quality=90)
    Image.fromarray(noise(140, 90)).quantize(37).save(os.path.join(SRC, "palette_90x140.png"))
    rgba = np.concatenate([noise(97, 130), rng.integers(0, 256, (97, 130, 1), dtype=np.uint8)], axis=-1)
    Image.fromarray(rgba, "RGBA").save(os.path.join(SRC, "alpha_130x97.png"))
    # 16-bit grey: values across the whole range (Pillow's "I" mode clips them to 255 in convert("RGB")).
    Image.fromarray(rng.integers(0, 65536, (48, 64), dtype=np.uint16)).save(os.path.join(SRC, "grey16_64x48.png"))
    Image.fromarray(noise(60, 40)).convert("CMYK").save(os.path.join(SRC, "cmyk_40x60.jpg"), quality=90)
    # 16-bit RGB: Pillow cannot write it, so a minimal PNG (IHDR bit depth 16, colour type 2); Pillow reads it
    # as "RGB" from the high bytes. Drawn last, so the files above keep their bytes.
    write_png16(os.path.join(SRC, "rgb16_45x33.png"), rng.integers(0, 65536, (33, 45, 3), dtype=np.uint16))


def write_png16(path, a):
    import struct
    import zlib
    h, w, _ = a.shape
    chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + a[y].astype(">u2").tobytes() for y in range(h))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 16, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def main():
    sources()
    os.makedirs(EXP, exist_ok=True)
    big = T.Compose([T.Resize(256), T.CenterCrop(224)])
    small = T.Compose([T.Resize(64), T.CenterCrop(56), T.ToTensor(), T.Normalize(MEAN, STD)])
    cases = []
    for f in sorted(os.listdir(SRC)):
        name = f.rsplit(".", 1)[0]
        img = Image.open(os.path.join(SRC, f))
        case = {"source": "src/" + f, "mode": img.mode, "size": list(img.size)}
        try:
            rgb = img.convert("RGB")
        except Exception as e:  # noqa: BLE001 (recorded, not fatal)
            case["error"] = str(e)
            cases.append(case)
            continue
        rgb.save(os.path.join(EXP, name + ".decoded.png"))
        big(rgb).save(os.path.join(EXP, name + ".r256c224.png"))
        small(rgb).numpy().astype("<f4").tofile(os.path.join(EXP, name + ".r64c56.f32"))
        case.update(decoded="expected/" + name + ".decoded.png", r256c224="expected/" + name + ".r256c224.png",
                    r64c56="expected/" + name + ".r64c56.f32")
        cases.append(case)
    import PIL
    import skimage
    manifest = {"generator": "test-data/images/generate.py",
                "tools": {"pillow": PIL.__version__, "torch": torch.__version__, "torchvision": torchvision.__version__,
                          "numpy": np.__version__, "skimage": skimage.__version__},
                "transforms": {"r256c224": "Resize(256), CenterCrop(224) (uint8 PNG)",
                               "r64c56": "Resize(64), CenterCrop(56), ToTensor(), Normalize(ImageNet mean, std) (float32 CHW)"},
                "cases": cases}
    with open(os.path.join(HERE, "manifest.json"), "w") as fh:
        json.dump(manifest, fh, indent=1)
    print(f"{len(cases)} cases")


if __name__ == "__main__":
    main()
