#!/usr/bin/env python3
"""Writes the solid-colour PNG images of the evaluation tests' fixture datasets.

The `semantic` fixture model (jina-clip-testing, models/README.md) embeds an image by its mean colour only, so
each image is one colour; sizes vary to show that size and aspect ratio do not matter. Python standard library
only; deterministic (same bytes on every run). Usage, from the repository root:

  python3 jina-clip-evaluation/src/test/scripts/make_fixture_images.py
"""
import os
import struct
import zlib

ROOT = os.path.join(os.path.dirname(__file__), "..", "resources", "datasets")

CAPTION_IMAGES = {  # captions/images/<name>.png
    "red": (255, 0, 0), "darkred": (150, 0, 0), "orange": (255, 128, 0), "pink": (255, 128, 128),
    "green": (0, 255, 0), "blue": (0, 0, 255), "yellow": (255, 255, 0),
}
CLASS_IMAGES = {  # classes/<class>/<name>.png; y3 is dark blue filed under yellow, r3 orange under red
    ("red", "r1"): (255, 0, 0), ("red", "r2"): (210, 0, 0), ("red", "r3"): (255, 150, 0),
    ("yellow", "y1"): (255, 255, 0), ("yellow", "y2"): (235, 235, 0), ("yellow", "y3"): (0, 0, 120),
    ("blue", "b1"): (0, 0, 255), ("blue", "b2"): (0, 0, 245), ("blue", "b3"): (0, 0, 235),
    ("blue", "b4"): (0, 0, 225), ("blue", "b5"): (0, 0, 215),
}
SIZES = [(16, 16), (24, 16), (16, 24)]


def png(rgb, width, height):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def write(path, rgb, index):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    width, height = SIZES[index % len(SIZES)]
    with open(path, "wb") as out:
        out.write(png(rgb, width, height))


for i, (name, rgb) in enumerate(CAPTION_IMAGES.items()):
    write(os.path.join(ROOT, "captions", "images", name + ".png"), rgb, i)
for i, ((label, name), rgb) in enumerate(CLASS_IMAGES.items()):
    write(os.path.join(ROOT, "classes", label, name + ".png"), rgb, i)
