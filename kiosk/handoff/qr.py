"""QR code modules for a URL: error correction M (survives a crease or a smudge), no border.

The quiet zone (4 modules) is left to whoever draws the code, so that module
sizes can be whole printer dots.
"""

from __future__ import annotations

import qrcode
from qrcode.constants import ERROR_CORRECT_M

QUIET_ZONE = 4


def qr_modules(url: str) -> list[list[bool]]:
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0, box_size=1)
    code.add_data(url)
    code.make(fit=True)
    return [[bool(cell) for cell in row] for row in code.get_matrix()]
