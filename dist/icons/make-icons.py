#!/usr/bin/env python3
"""Writes lancers.ico (Windows) and lancers.icns (macOS) for jpackage from the game's own
256x256 PNG icon: both formats may carry PNG data as it is, so no image library is needed.
Run from the repository root after changing the icon: python3 dist/icons/make-icons.py"""
import struct
from pathlib import Path

here = Path(__file__).parent
png = (here / "../../assets/src/main/resources/io/lancers/assets/sprites/icon-256.png").read_bytes()
assert png[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", png[16:24]) == (256, 256), "a 256x256 PNG"

# ICO: header (reserved, type 1 = icon, one image), one directory entry (0 = 256 px), the PNG.
ico = struct.pack("<HHH", 0, 1, 1) + struct.pack("<BBBBHHII", 0, 0, 0, 0, 1, 32, len(png), 6 + 16) + png
(here / "lancers.ico").write_bytes(ico)

# ICNS: 'icns' and the total length, then one element 'ic08' (256x256, PNG) with its length.
element = b"ic08" + struct.pack(">I", 8 + len(png)) + png
(here / "lancers.icns").write_bytes(b"icns" + struct.pack(">I", 8 + len(element)) + element)
