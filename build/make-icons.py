#!/usr/bin/env python3
"""Draws the site's icons (the favicon and the app manifest's), as img/icon.svg draws them: an amlou jar, sand on argan
brown. Writes PNGs (192, 512, a maskable 512) and favicon.ico (16, 32, 48) into the Host's wwwroot. Python's standard
library only; run again after changing the drawing."""
import struct, zlib, os

BROWN, SAND, LID = (0x7a, 0x4a, 0x12), (0xf3, 0xea, 0xd9), (0xc9, 0x8a, 0x1b)

def inside(x, y, maskable):
    """Which colour a point of the unit square has (None: transparent)."""
    pad = 0.0 if maskable else 0.04
    r = 0.0 if maskable else 0.2
    if not (pad <= x <= 1 - pad and pad <= y <= 1 - pad): return None
    cx, cy = min(max(x, pad + r), 1 - pad - r), min(max(y, pad + r), 1 - pad - r)
    if r and (x - cx) ** 2 + (y - cy) ** 2 > r * r: return None
    s = 0.8 if maskable else 1.0  # a maskable icon keeps its drawing in the middle 80 %
    u, v = (x - 0.5) / s + 0.5, (y - 0.5) / s + 0.5
    if 0.33 <= u <= 0.67 and 0.2 <= v <= 0.3: return LID
    if 0.38 <= u <= 0.62 and 0.3 <= v <= 0.36: return SAND
    body = 0.26 <= u <= 0.74 and 0.36 <= v <= 0.8
    corner = (min(abs(u - 0.36), abs(u - 0.64)) ** 2 + (v - 0.7) ** 2) <= 0.1 ** 2 if v > 0.7 and not (0.36 <= u <= 0.64) else True
    if body and corner:
        return BROWN if 0.5 <= v <= 0.56 else SAND
    return BROWN

def png(size, maskable=False, samples=4):
    rows = []
    for j in range(size):
        row = bytearray([0])
        for i in range(size):
            acc = [0, 0, 0, 0]
            for sj in range(samples):
                for si in range(samples):
                    c = inside((i + (si + .5) / samples) / size, (j + (sj + .5) / samples) / size, maskable)
                    if c: acc = [acc[0] + c[0], acc[1] + c[1], acc[2] + c[2], acc[3] + 255]
            n = samples * samples
            alpha = acc[3] // n
            row += bytes([acc[0] * 255 // max(acc[3], 1), acc[1] * 255 // max(acc[3], 1), acc[2] * 255 // max(acc[3], 1), alpha])
        rows.append(bytes(row))
    def chunk(kind, data): return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b""))

def ico(images):
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, data = b"", b""
    for size, blob in images:
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(blob), offset + len(data))
        data += blob
    return header + entries + data

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "Host", "Marketplace.Host", "wwwroot")
for name, size, maskable in (("icon-192.png", 192, False), ("icon-512.png", 512, False), ("icon-maskable-512.png", 512, True)):
    with open(os.path.join(root, "img", name), "wb") as f: f.write(png(size, maskable, 2 if size > 200 else 4))
with open(os.path.join(root, "favicon.ico"), "wb") as f: f.write(ico([(s, png(s)) for s in (16, 32, 48)]))
