#!/usr/bin/python3
"""Writes logo-32x32.png and logo-64x64.png (an orange rounded square with a white "J") into a folder.

Standard library only: the PNG is assembled by hand (zlib + struct), so installing needs no imaging package.
    make_logos.py DIR
"""
import struct
import sys
import zlib

ORANGE = (255, 153, 0, 255)
WHITE = (255, 255, 255, 255)
CLEAR = (0, 0, 0, 0)


def pixel(x, y, size):
    u, v = (x + 0.5) / size, (y + 0.5) / size          # 0..1 across the image
    r = 0.18                                           # corner radius of the rounded square
    cx, cy = min(max(u, r), 1 - r), min(max(v, r), 1 - r)
    if (u - cx) ** 2 + (v - cy) ** 2 > r * r:
        return CLEAR
    # the letter J: a bar on the right, a hook at the bottom, a cap on top
    if 0.28 <= v <= 0.36 and 0.36 <= u <= 0.76:
        return WHITE
    if 0.56 <= u <= 0.68 and 0.28 <= v <= 0.64:
        return WHITE
    du, dv = u - 0.45, v - 0.64
    if dv >= 0 and 0.11 ** 2 <= du * du + dv * dv <= 0.23 ** 2 and u <= 0.68:
        return WHITE
    return ORANGE


def png(size):
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y, size)) for x in range(size)) for y in range(size))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: make_logos.py DIR")
    for size in (32, 64):
        with open("%s/logo-%dx%d.png" % (sys.argv[1], size, size), "wb") as f:
            f.write(png(size))
