#!/usr/bin/env python3
"""Packs PNG renderings into a macOS .icns file (used by generate.sh).

    pack-icns.py <dir with 16.png 32.png 64.png 128.png 256.png 512.png 1024.png> <out.icns>

An .icns is the magic "icns", the file's length, then one entry per image: a four-letter type,
the entry's length (including this 8-byte header) and the image, here a PNG for every type
(macOS 10.7 and later read PNG in each of them). Each type stands for one size at one scale; the
@2x types are the Retina versions of the size half as large. No timestamps: same PNGs, same bytes.
"""

import struct
import sys
from pathlib import Path

# (type, pixel size), in the order Apple's iconutil writes them.
TYPES = [
    ("icp4", 16),    # 16x16
    ("ic11", 32),    # 16x16@2x
    ("icp5", 32),    # 32x32
    ("ic12", 64),    # 32x32@2x
    ("icp6", 64),    # 64x64
    ("ic07", 128),   # 128x128
    ("ic13", 256),   # 128x128@2x
    ("ic08", 256),   # 256x256
    ("ic14", 512),   # 256x256@2x
    ("ic09", 512),   # 512x512
    ("ic10", 1024),  # 512x512@2x
]

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    if not data.startswith(PNG_MAGIC) or data[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    return struct.unpack(">II", data[16:24])


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    source, target = Path(sys.argv[1]), Path(sys.argv[2])
    entries = []
    for kind, size in TYPES:
        data = (source / f"{size}.png").read_bytes()
        if png_size(data) != (size, size):
            raise SystemExit(f"{source / f'{size}.png'} is {png_size(data)}, not {size}x{size}")
        entries.append(kind.encode("ascii") + struct.pack(">I", len(data) + 8) + data)
    body = b"".join(entries)
    target.write_bytes(b"icns" + struct.pack(">I", len(body) + 8) + body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
