#!/usr/bin/env python3
"""The hand-in receipt made with Pillow and python-escpos, timed like receipt-bench times ours.

Input: a JSON file written by receipt-bench (the receipt's values, the paper profile, font
paths, sample counts). One unit of work, timed with time.perf_counter:

  values -> texts (money, dates, sentences as HandInReceipt.document() builds them)
         -> greedy word wrap measured with ImageFont.getlength (Layout.BASIC: no shaping,
            like our FreeType rasteriser)
         -> line layout (ascent grown for stacked diacritics, hanging indents, numbered list)
         -> one 1-bit Pillow image, text drawn with ImageDraw, QR from `qrcode` (8-bit mode,
            level M, 4-module quiet zone) pasted in, rules as rectangles
         -> python-escpos Dummy: ESC @, FS ., ESC a 1, image() as GS v 0 strips of 256 rows,
            cut(PART, feed=False) -> the job bytes (Dummy.output).

Fonts are loaded once before timing (as our renderer keeps its FreeType faces). Prints one JSON
object: unit, samples, p50, p99 (wall clock), cpuP50, cpuP99 (time.thread_time), job byte
count, image size, library versions.
"""

import argparse
import copy
import json
import statistics
import sys
import time
import unicodedata
from datetime import datetime, timedelta, timezone

import PIL
import qrcode
from escpos import __version__ as escpos_version
from escpos.capabilities import get_profile
from escpos.printer import Dummy
from PIL import Image, ImageDraw, ImageFont
from qrcode.util import MODE_8BIT_BYTE, QRData

VERTICAL_PADDING = 8
TITLE_GAP = 6
QUIET_ZONE = 4
STRIP_ROWS = 256


class Fonts:
    """DejaVu Sans regular and bold at the body and title sizes, loaded once."""

    def __init__(self, regular_path, bold_path, body, title):
        basic = ImageFont.Layout.BASIC
        self.faces = {}
        for size in {body, title}:
            self.faces[(size, False)] = ImageFont.truetype(regular_path, size, layout_engine=basic)
            self.faces[(size, True)] = ImageFont.truetype(bold_path, size, layout_engine=basic)

    def get(self, size, bold):
        return self.faces[(size, bold)]


def money(amount):
    digits = str(abs(amount))
    grouped = ""
    for index, digit in enumerate(digits):
        if index > 0 and (len(digits) - index) % 3 == 0:
            grouped += "."
        grouped += digit
    return ("-" if amount < 0 else "") + grouped + " đ"


def local(epoch, offset):
    return datetime.fromtimestamp(epoch, timezone(timedelta(seconds=offset)))


def long_date_time(epoch, offset):
    t = local(epoch, offset)
    return f"{t.hour:02d} giờ {t.minute:02d}, ngày {t.day:02d}/{t.month:02d}/{t.year}"


def date_only(epoch, offset):
    t = local(epoch, offset)
    return f"{t.day:02d}/{t.month:02d}/{t.year}"


def document(r):
    """The blocks of HandInReceipt.document(), as tuples."""
    fees = money(r["feesPaid"])
    if r.get("feeReceiptNumber"):
        fees += f" (biên lai số {r['feeReceiptNumber']})"
    offset = r["utcOffsetSeconds"]
    if r.get("expectedAppointment") is None:
        appointment = "Sẽ xác nhận qua SMS sau khi cán bộ tiếp nhận"
    else:
        day = date_only(r["expectedAppointment"], offset)
        appointment = f"Dự kiến ngày {day}, {r['appointmentNotice']}"
    return [
        ("text", r["agencyName"], True, "centre"),
        ("text", r["kioskName"], False, "centre"),
        ("rule", 2),
        ("space", 6),
        ("title", r["title"]),
        ("qr", r["dossierCode"]),
        ("text", "Mã hồ sơ", False, "centre"),
        ("text", r["dossierCode"], True, "centre"),
        ("space", 10),
        ("kv", "Thủ tục", r["procedureName"]),
        ("kv", "Người nộp", r["maskedSubmitterName"]),
        ("kv", "Điện thoại", r["maskedPhone"]),
        ("kv", "Thời gian nộp", long_date_time(r["droppedAt"], offset)),
        ("text", "Giấy tờ đã nộp:", True, "left"),
        ("list", r["papers"] or ["(không khai báo)"]),
        ("kv", "Hẹn trả kết quả", appointment),
        ("kv", "Phí, lệ phí đã nộp", fees),
        ("rule", 1),
        ("kv", "Đường dây nóng", r["hotline"]),
        ("space", 6),
        ("text", r["keepNotice"], True, "centre"),
        ("space", 24),
    ]


class Layout:
    """Turns blocks into rows (height + what to draw), then draws them onto one 1-bit image."""

    def __init__(self, profile, fonts):
        self.width = profile["widthDots"]
        self.margin = profile["sideMarginDots"]
        self.text_width = max(self.width - 2 * self.margin, 1)
        self.body = profile["bodyPixelSize"]
        self.title = profile["titlePixelSize"]
        self.module = profile["qrModuleSize"]
        self.fonts = fonts
        self.rows = []  # (height, [(kind, ...)])

    def measure(self, text, size, bold):
        return int(round(self.fonts.get(size, bold).getlength(text)))

    def wrap(self, text, size, bold, first, others):
        """Greedy wrap at spaces; words wider than a line are split between characters."""
        lines = []
        limit = lambda: first if not lines else others
        for paragraph in unicodedata.normalize("NFC", text).split("\n"):
            words = paragraph.split()
            if not words:
                lines.append("")
                continue
            current = ""
            for word in words:
                candidate = word if not current else current + " " + word
                if self.measure(candidate, size, bold) <= limit():
                    current = candidate
                    continue
                if current:
                    lines.append(current)
                    current = ""
                elif not lines and first < others and self.measure(word, size, bold) <= others:
                    lines.append("")
                rest = word
                while self.measure(rest, size, bold) > limit():
                    low, high = 1, len(rest)
                    while low < high:
                        middle = (low + high + 1) // 2
                        if self.measure(rest[:middle], size, bold) <= limit():
                            low = middle
                        else:
                            high = middle - 1
                    lines.append(rest[:low])
                    rest = rest[low:]
                current = rest
            lines.append(current)
        return lines

    def line(self, pieces, size):
        """One row of text pieces (text, bold, x) on a shared baseline."""
        ascender, descender = self.fonts.get(size, False).getmetrics()
        ascent = ascender
        for text, bold, _ in pieces:
            top = self.fonts.get(size, bold).getbbox(text, anchor="ls")[1]
            ascent = max(ascent, -top)
        gap = max(size // 6, 0)
        self.rows.append((ascent + descender + gap, [("text", text, size, bold, x, ascent) for text, bold, x in pieces]))

    def paragraph(self, text, size, bold, centred):
        for line in self.wrap(text, size, bold, self.text_width, self.text_width):
            x = self.margin
            if centred:
                x += max(self.text_width - self.measure(line, size, bold), 0) // 2
            self.line([(line, bold, x)], size)

    def key_value(self, key, value):
        body = self.body
        key_text = key + ": "
        key_width = self.measure(key_text, body, True)
        shallow = min(body * 2, self.text_width // 4)
        if key_width > self.text_width * 2 // 3:
            self.paragraph(key_text, body, True, False)
            for line in self.wrap(value, body, False, self.text_width - shallow, self.text_width - shallow):
                self.line([(line, False, self.margin + shallow)], body)
            return
        indent = key_width if key_width <= self.text_width // 3 else shallow
        lines = self.wrap(value, body, False, self.text_width - key_width, self.text_width - indent)
        for index, line in enumerate(lines):
            if index == 0:
                self.line([(key_text, True, self.margin), (line, False, self.margin + key_width)], body)
            else:
                self.line([(line, False, self.margin + indent)], body)

    def numbered(self, items):
        body = self.body
        indent = min(self.measure(f"{len(items)}. ", body, False), self.text_width // 3)
        width = self.text_width - indent
        for number, item in enumerate(items, 1):
            for index, line in enumerate(self.wrap(item, body, False, width, width)):
                pieces = [(line, False, self.margin + indent)]
                if index == 0:
                    pieces.append((f"{number}.", False, self.margin))
                self.line(pieces, body)

    def qr(self, payload):
        code = qrcode.QRCode(version=None, error_correction=qrcode.constants.ERROR_CORRECT_M,
                             box_size=1, border=QUIET_ZONE)
        code.add_data(QRData(payload.encode("utf-8"), mode=MODE_8BIT_BYTE))
        code.make(fit=True)
        modules = code.modules_count + 2 * QUIET_ZONE
        size = min(self.module, self.width // modules)
        code.box_size = size
        image = code.make_image().get_image()
        self.rows.append((image.height, [("image", image, (self.width - image.width) // 2)]))

    def block(self, block):
        kind = block[0]
        if kind == "title":
            self.paragraph(block[1], self.title, True, True)
            self.rows.append((TITLE_GAP, []))
        elif kind == "text":
            self.paragraph(block[1], self.body, block[2], block[3] == "centre")
        elif kind == "kv":
            self.key_value(block[1], block[2])
        elif kind == "list":
            self.numbered(block[1])
        elif kind == "rule":
            self.rows.append((block[1] + 8, [("rule", block[1])]))
        elif kind == "qr":
            self.qr(block[1])
        elif kind == "space":
            self.rows.append((block[1], []))

    def render(self, blocks):
        self.rows = [(VERTICAL_PADDING, [])]
        for block in blocks:
            self.block(block)
        self.rows.append((VERTICAL_PADDING, []))
        height = sum(h for h, _ in self.rows)
        canvas = Image.new("1", (self.width, height), 1)
        draw = ImageDraw.Draw(canvas)
        top = 0
        for row_height, operations in self.rows:
            for op in operations:
                if op[0] == "text":
                    _, text, size, bold, x, ascent = op
                    draw.text((x, top + ascent), text, font=self.fonts.get(size, bold), fill=0, anchor="ls")
                elif op[0] == "rule":
                    draw.rectangle([self.margin, top + 4, self.margin + self.text_width - 1, top + 4 + op[1] - 1], fill=0)
                elif op[0] == "image":
                    canvas.paste(op[1], (op[2], top))
            top += row_height
        return canvas


def printer_profile(width):
    """python-escpos's default profile with the paper's width in dots (as a printer profile
    for an 80/58 mm model would give), so image() checks the width instead of warning."""
    profile = get_profile("default")
    profile.profile_data = copy.deepcopy(profile.profile_data)
    profile.profile_data["media"]["width"]["pixels"] = width
    return profile


def receipt_job(values, profile, fonts, printer_profile):
    """One unit of work: values to the complete ESC/POS job bytes."""
    image = Layout(profile, fonts).render(document(values))
    printer = Dummy()
    printer.profile = printer_profile
    printer.hw("INIT")
    printer._raw(b"\x1c\x2e\x1b\x61\x01")  # cancel Kanji mode, centre
    printer.image(image, fragment_height=STRIP_ROWS)
    printer.cut(mode="PART", feed=False)
    return printer.output, image.size


def percentile(values, p):
    ordered = sorted(values)
    rank = max(1, min(len(ordered), -(-len(ordered) * p // 100)))
    return ordered[int(rank) - 1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", help="JSON written by receipt-bench")
    parser.add_argument("--job-out", help="write the last job's bytes here (for checking)")
    arguments = parser.parse_args()
    with open(arguments.input, encoding="utf-8") as handle:
        spec = json.load(handle)
    values, profile = spec["receipt"], spec["profile"]
    fonts = Fonts(spec["regularFont"], spec["boldFont"], profile["bodyPixelSize"], profile["titlePixelSize"])
    media = printer_profile(profile["widthDots"])

    for _ in range(spec["warmup"]):
        receipt_job(values, profile, fonts, media)
    samples, cpu = [], []
    job, size = b"", (0, 0)
    for _ in range(spec["samples"]):
        cpu_start = time.thread_time()
        start = time.perf_counter()
        job, size = receipt_job(values, profile, fonts, media)
        samples.append((time.perf_counter() - start) * 1000)
        cpu.append((time.thread_time() - cpu_start) * 1000)
    if arguments.job_out:
        with open(arguments.job_out, "wb") as handle:
            handle.write(job)
    json.dump({
        "unit": "ms", "samples": len(samples),
        "p50": percentile(samples, 50), "p99": percentile(samples, 99),
        "mean": statistics.fmean(samples),
        "cpuP50": percentile(cpu, 50), "cpuP99": percentile(cpu, 99),
        "jobBytes": len(job), "imageWidth": size[0], "imageHeight": size[1],
        "python": sys.version.split()[0], "pillow": PIL.__version__,
        "pythonEscpos": escpos_version, "qrcode": qrcode_version(),
    }, sys.stdout)
    print()


def qrcode_version():
    from importlib.metadata import version
    return version("qrcode")


if __name__ == "__main__":
    main()
