#!/usr/bin/python3
"""Image preprocessing parity fixtures for dev.jinaclip.image (run with Debian's /usr/bin/python3).

1. Writes deterministic test images (patterns with high-frequency detail, fixed-seed noise) in every supported
   format and mode to src/test/resources/images/. Three are made by editing bytes, because Pillow cannot write
   them: a 16-bit RGB PNG, a YCCK JPEG (a CMYK JPEG with its Adobe transform set to 2) and GIFs whose first frame
   is smaller than the logical screen. Re-running gives identical files.
2. Runs the Python reference on each: PIL open -> (16-bit grey: keep the high 8 bits, as the Java side does,
   instead of Pillow's clipping) -> convert('RGB') -> torchvision's Resize(224) size rule with Image.BICUBIC
   (Pillow's resize with reducing_gap=None, which torchvision calls) -> CenterCrop(224) with Python's round.
   Each 224x224 uint8 RGB crop is written losslessly as expected/<name>.png; expected/manifest.json records
   sizes, modes and crop offsets.
3. Writes expected/<name>.pixel_values.f32.gz for one image: numpy float32 (crop / 255 - mean) / std, CHW,
   little-endian.
Images whose Java decoder is known to differ (KNOWN_MISMATCH) are marked in the manifest; ImageParityTest reports
them instead of asserting parity.

Requires Pillow 9.4 and numpy (python3-pil, python3-numpy); no torch. Usage:
    /usr/bin/python3 jina-clip-image/src/test/scripts/make_image_parity_fixtures.py   (from any directory)
"""
import gzip
import json
import struct
import zlib
from pathlib import Path

import numpy as np
import PIL
from PIL import Image

SIZE = 224
MEAN = np.array([0.48145466, 0.4578275, 0.40821073], dtype=np.float32)
STD = np.array([0.26862954, 0.26130258, 0.27577711], dtype=np.float32)
TENSOR_IMAGE = "rgb_450x337_landscape.png"
# Images whose Java decoder is known to differ from Pillow's; the Java test reports them instead of asserting parity.
KNOWN_MISMATCH = {
    "lossy_300x250.webp": "TwelveMonkeys' VP8 decoder converts YUV to RGB per pixel with nearest-neighbour chroma "
                          "and its own Rec.601 formula; libwebp (Pillow) uses fancy chroma upsampling",
}

OUT = Path(__file__).resolve().parent.parent / "resources" / "images"
EXPECTED = OUT / "expected"


def pattern(w, h, seed):
    """RGB uint8 scene: flat blocks, sharp stripes and checks, diagonal lines, a smooth gradient, a zone plate
    (all spatial frequencies) and a fixed-seed noise patch. Sharp edges exercise the filter's negative lobes and
    clamping; flat areas keep the files small."""
    y, x = np.mgrid[0:h, 0:w]
    colours = np.random.default_rng(seed + 100).integers(0, 256, (3, 3, 3))
    img = colours[np.minimum(3 * y // h, 2), np.minimum(3 * x // w, 2)].astype(np.float64)
    band = lambda a, b: (y >= a * h) & (y < b * h)
    gradient = np.stack([40 + 180 * x / w, 60 + 150 * y / h, 200 - 150 * (x + y) / (w + h)], axis=-1)
    img = np.where(band(0.9, 1.0)[..., None], gradient, img)
    period = 3 + seed % 4
    img[..., 0] = np.where(band(0.35, 0.55) & (x % period < period // 2 + 1), 235, img[..., 0])
    img[..., 2] = np.where(band(0.55, 0.75) & ((x // 9 + y // 9) % 2 == 0), 20, img[..., 2])
    img[..., 1] = np.where(band(0.75, 0.9) & ((x + 2 * y) % 13 < 2), 250, img[..., 1])
    cx, cy, radius = 0.7 * w, 0.25 * h, min(w, h) / 6
    d2 = (x - cx) ** 2 + (y - cy) ** 2
    zone = 127 + 120 * np.cos(d2 * np.pi / (2.5 * radius))
    img = np.where((d2 < radius ** 2)[..., None], zone[..., None], img)
    rng = np.random.default_rng(seed)
    n = max(4, min(w, h) // 12)
    img[h // 8:h // 8 + n, w // 8:w // 8 + n] = rng.integers(0, 256, (n, n, 3))
    return np.clip(np.rint(img), 0, 255).astype(np.uint8)


def low_byte(shape):
    """A structured low byte covering 0..255, so 16-bit samples test v >> 8 against rounding."""
    y, x = np.mgrid[0:shape[0], 0:shape[1]]
    low = (x * 37 + y * 11) & 255
    return low if len(shape) == 2 else np.stack([low, 255 - low, (low + 128) & 255], axis=-1)


def large(w, h):
    """A large but compressible RGB image: per-axis stripes, a smooth gradient and a checkerboard."""
    y, x = np.mgrid[0:h, 0:w]
    r = 127 + 110 * np.sin(2 * np.pi * x / 7.0)
    g = 30 + 190 * y / h
    b = np.where((x // 97 + y // 61) % 2 == 0, 200, 40) + 0 * x
    return np.stack([r, g, b], axis=-1).round().astype(np.uint8)


def png16(path, rgb16):
    """Writes a 16-bit-per-channel RGB PNG (Pillow cannot), each row with PNG's Up filter."""
    h, w, _ = rgb16.shape

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = np.frombuffer(rgb16.astype(">u2").tobytes(), np.uint8).reshape(h, w * 6)
    up = np.diff(rows, axis=0, prepend=np.zeros((1, w * 6), np.uint8))  # uint8 arithmetic wraps mod 256
    raw = b"".join(b"\x02" + row.tobytes() for row in up)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 16, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def make_images():
    made = {}

    def save(name, im, **kw):
        im.save(OUT / name, **kw)
        made[name] = im.mode

    rgb = lambda w, h, s: Image.fromarray(pattern(w, h, s), "RGB")
    save("rgb_300x224_noresize.png", rgb(300, 224, 1))
    save("rgb_301x224_odd_slack.png", rgb(301, 224, 2))
    save("rgb_450x337_landscape.png", rgb(450, 337, 3))
    save("rgb_420x700_portrait.png", rgb(420, 700, 4))
    save("rgb_360x360_square.png", rgb(360, 360, 5))
    save("rgb_100x80_upsample.png", rgb(100, 80, 6))
    save("large_3000x2000.png", Image.fromarray(large(3000, 2000), "RGB"), optimize=True)
    save("grey_333x250.png", rgb(333, 250, 7).convert("L"))

    rgba = np.dstack([pattern(260, 300, 8), np.full((300, 260), 255, np.uint8)])
    rgba[:, ::3, 3] = 0  # every third column fully transparent, colour kept
    rgba[100:200, 50:150, 3] = 0  # a transparent block with patterned colour underneath
    rgba[0:60, :, 3] = 128
    save("rgba_260x300_transparent.png", Image.fromarray(rgba, "RGBA"))

    pal = rgb(320, 240, 9).quantize(colors=64, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    save("palette_320x240.png", pal, transparency=5)

    grey16 = (pattern(300, 260, 10)[:, :, 2].astype(np.uint32) * 256 + low_byte((260, 300))).astype(np.uint16)
    save("grey16_300x260.png", Image.fromarray(grey16, "I;16"))
    rgb16 = pattern(280, 250, 11).astype(np.uint32) * 256 + low_byte((250, 280, 3))
    png16(OUT / "rgb16_280x250.png", rgb16.astype(np.uint16))
    check_rgb16(rgb16)
    made["rgb16_280x250.png"] = "RGB;16"

    cmyk = Image.fromarray(np.dstack([pattern(260, 230, 12), pattern(260, 230, 13)[:, :, 1]]), "CMYK")
    save("cmyk_260x230.jpg", cmyk, quality=92)
    data = bytearray((OUT / "cmyk_260x230.jpg").read_bytes())
    adobe = data.index(b"Adobe")
    assert data[adobe + 11] == 0, "expected Pillow to write Adobe transform 0 (CMYK)"
    data[adobe + 11] = 2  # same scan data read as YCCK: a valid YCCK JPEG that Pillow cannot write directly
    (OUT / "ycck_260x230.jpg").write_bytes(bytes(data))
    made["ycck_260x230.jpg"] = "CMYK (YCCK)"
    save("cmyk_250x240.tif", Image.fromarray(np.dstack([pattern(250, 240, 14), pattern(250, 240, 15)[:, :, 0]]),
                                             "CMYK"), compression="tiff_deflate")

    frames = [rgb(240, 260, 16 + i).quantize(colors=200, dither=Image.Dither.NONE) for i in range(3)]
    frames[0].save(OUT / "animated_240x260.gif", save_all=True, append_images=frames[1:], duration=100, loop=0,
                   transparency=7)
    made["animated_240x260.gif"] = "P"
    for name, transparency in (("offset_frame_260x240.gif", None), ("offset_frame_transparent_260x240.gif", 3)):
        frame = rgb(150, 120, 30).quantize(colors=32, dither=Image.Dither.NONE)
        frame.save(OUT / name, **({} if transparency is None else {"transparency": transparency}))
        gif_frame_on_screen(OUT / name, (260, 240), (70, 50))
        made[name] = "P"
    save("lossless_300x250.webp", rgb(300, 250, 19), lossless=True)
    save("lossy_300x250.webp", rgb(300, 250, 20), quality=85)
    save("rgb_200x150.bmp", rgb(200, 150, 21))
    save("palette_240x230.bmp", rgb(240, 230, 22).quantize(colors=256, dither=Image.Dither.NONE))
    save("rgb_290x270.tif", rgb(290, 270, 23), compression="tiff_deflate")
    save("rgb420_480x360.jpg", rgb(480, 360, 24), quality=90)
    save("progressive444_320x240.jpg", rgb(320, 240, 25), quality=90, progressive=True, subsampling=0)
    save("grey_350x260.jpg", rgb(350, 260, 26).convert("L"), quality=90)
    return made


def gif_frame_on_screen(path, screen, position):
    """Makes a GIF's first frame smaller than its logical screen (Pillow always writes a full first frame)."""
    data = bytearray(path.read_bytes())
    data[6:10] = struct.pack("<HH", *screen)
    pos = 13 + (3 << ((data[10] & 7) + 1) if data[10] & 0x80 else 0)
    while data[pos] == 0x21:  # skip extension blocks
        pos += 2
        while data[pos]:
            pos += data[pos] + 1
        pos += 1
    assert data[pos] == 0x2C, "image descriptor expected"
    data[pos + 1:pos + 5] = struct.pack("<HH", *position)
    path.write_bytes(bytes(data))


def reference_rgb(path):
    """PIL open -> RGB as the Java side defines it: Pillow's convert('RGB'), 16-bit grey keeps the high 8 bits."""
    im = Image.open(path)
    if im.mode in ("I", "I;16", "I;16B"):
        im = Image.fromarray((np.asarray(im).astype(np.uint32) >> 8).astype(np.uint8), "L")
    return im, im.convert("RGB")


def reference_crop(im):
    """torchvision Resize(224, BICUBIC) + CenterCrop(224) on a PIL image."""
    w, h = im.size
    short, long = (w, h) if w <= h else (h, w)
    new_short, new_long = SIZE, int(SIZE * long / short)
    new_w, new_h = (new_short, new_long) if w <= h else (new_long, new_short)
    if (new_w, new_h) != (w, h):
        im = im.resize((new_w, new_h), Image.BICUBIC)
    top = int(round((new_h - SIZE) / 2.0))
    left = int(round((new_w - SIZE) / 2.0))
    return im.crop((left, top, left + SIZE, top + SIZE)), (new_w, new_h), (left, top)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    EXPECTED.mkdir(parents=True, exist_ok=True)
    made = make_images()
    manifest = {"pillow": PIL.__version__, "numpy": np.__version__, "size": SIZE, "images": []}
    for name, made_mode in made.items():
        opened, rgb = reference_rgb(OUT / name)
        crop, resized, (left, top) = reference_crop(rgb)
        assert crop.size == (SIZE, SIZE) and crop.mode == "RGB"
        # a fresh image, so that no 'transparency' carried over by convert() becomes a tRNS chunk
        Image.fromarray(np.asarray(crop), "RGB").save(EXPECTED / (Path(name).stem + ".png"), optimize=True)
        manifest["images"].append({
            "file": name, "expected": Path(name).stem + ".png", "format": Image.open(OUT / name).format,
            "written_mode": made_mode, "opened_mode": Image.open(OUT / name).mode, "size": list(rgb.size),
            "resized": list(resized), "crop_left": left, "crop_top": top, "bytes": (OUT / name).stat().st_size,
            "lossy": name.endswith(".jpg") or name.startswith("lossy")})
        if name in KNOWN_MISMATCH:
            manifest["images"][-1]["known_mismatch"] = KNOWN_MISMATCH[name]
        if name == TENSOR_IMAGE:
            arr = np.asarray(crop).astype(np.float32) / np.float32(255)
            tensor = ((arr - MEAN) / STD).transpose(2, 0, 1).astype("<f4")
            with gzip.GzipFile(EXPECTED / (Path(name).stem + ".pixel_values.f32.gz"), "wb", mtime=0) as f:
                f.write(np.ascontiguousarray(tensor).tobytes())
            manifest["pixel_values"] = {"file": name, "expected": Path(name).stem + ".pixel_values.f32.gz",
                                        "layout": "float32 little-endian, CHW (R, G, B), 3x224x224",
                                        "mean": MEAN.tolist(), "std": STD.tolist()}
    (EXPECTED / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")
    total = sum(p.stat().st_size for p in OUT.rglob("*") if p.is_file())
    print(f"{len(made)} images, {total} bytes in {OUT}")


def check_rgb16(rgb16):
    """Pillow opens 16-bit RGB PNGs as 8-bit RGB keeping the high byte: the rule the Java side uses for all 16-bit."""
    im = Image.open(OUT / "rgb16_280x250.png")
    assert im.mode == "RGB" and np.array_equal(np.asarray(im), rgb16 >> 8), "Pillow no longer keeps the high byte"


if __name__ == "__main__":
    main()
