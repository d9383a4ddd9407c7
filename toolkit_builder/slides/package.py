"""Reproducible .pptx packages: fixed zip entry dates and permissions, fixed document dates."""

from __future__ import annotations

import datetime
import struct

from ..artifacts import ZIP_EPOCH

# The zip records touched, as PKWARE's APPNOTE.TXT defines them (sections 4.3.7, 4.3.12, 4.3.16).
CENTRAL_SIGNATURE, END_SIGNATURE = b"PK\x01\x02", b"PK\x05\x06"
CENTRAL_SIZE = 46                     # fixed part of a central directory record, in bytes
UNIX = 3                              # "version made by" host: external attributes are Unix modes
ENTRY_MODE = 0o600 << 16              # external attributes of every entry: rw-------, as before
FALLBACK_DATE = (2000, 1, 1)          # document date of a workshop with no origin date


def dos_stamp(date_time: tuple[int, ...]) -> bytes:
    """Return the little-endian MS-DOS time and date words a zip header stores for a moment."""
    year, month, day, hour, minute, second = date_time
    time, date = hour << 11 | minute << 5 | second // 2, (year - 1980) << 9 | month << 5 | day
    return struct.pack("<HH", time, date)


def central_records(data: bytes) -> list[int]:
    """Return the offsets of a zip's central directory records, in order."""
    end = data.rfind(END_SIGNATURE)
    count, _, offset = struct.unpack_from("<HII", data, end + 10)
    records = []
    for _ in range(count):
        if data[offset:offset + 4] != CENTRAL_SIGNATURE:
            raise ValueError(f"no central directory record at byte {offset}")
        records.append(offset)
        name, extra, comment = struct.unpack_from("<HHH", data, offset + 28)
        offset += CENTRAL_SIZE + name + extra + comment
    return records


def fixed_zip(data: bytes) -> bytes:
    """Return a zip with its entries (same order, same compressed data) dated ZIP_EPOCH, mode 0600.

    The result is what rewriting every entry through `zipfile` with those settings gives (a test
    checks it), but the headers are set in place: recompressing every part would cost as much as
    python-pptx's own save, a tenth of the time of a deck.
    """
    out = bytearray(data)
    stamp = dos_stamp(ZIP_EPOCH)
    for record in central_records(data):
        local = struct.unpack_from("<I", data, record + 42)[0]
        out[local + 10:local + 14] = stamp                       # local header: time, date
        out[record + 5] = UNIX                                   # central record: host
        out[record + 12:record + 16] = stamp                     # time, date
        out[record + 38:record + 42] = struct.pack("<I", ENTRY_MODE)  # external attributes
    return bytes(out)


def source_date(date: str) -> datetime.datetime:
    """Return a fixed timestamp from the workshop's origin date (2000-01-01 if it has none)."""
    parts = [int(p) for p in date.split("-") if p.isdigit()][:3] if date else []
    year, month, day = (parts + [1, 1])[:3] if parts else FALLBACK_DATE
    try:
        return datetime.datetime(year, month, day)
    except ValueError:
        return datetime.datetime(*FALLBACK_DATE)
