"""Judging what the Qt side saw of the screen, touch and printer (the looking: kiosk/qt_looks.py)."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.doctor.result import Result, fail, ok

SMALLEST = (1280, 720)  # the smallest panel the layouts are tested on (the kiosk is drawn for 1920×1080)
NO_REAL_SCREEN = ("offscreen", "minimal", "vnc")
PAPER_WIDTH_MM = {"80mm": 80.0, "58mm": 58.0, "a4": 210.0}
PAPER_NAMES = {"80mm": "レシート 80mm", "58mm": "レシート 58mm", "a4": "A4"}
WIDTH_SLACK_MM = 2.0  # drivers name 80 mm rolls 79.5 or 80.0; 72 mm is the printable part, not the roll


@dataclass(frozen=True)
class ScreenFacts:
    platform: str  # Qt's platform: windows, xcb, wayland, offscreen …
    size: tuple[int, int] | None  # the primary screen in pixels, None with no screen


@dataclass(frozen=True)
class PrinterFacts:
    name: str
    error: bool  # the printer reports an error (offline, out of paper)
    page_sizes: tuple[tuple[str, float, float], ...]  # (name, width mm, height mm) it offers
    custom_sizes: bool  # takes any page size (many receipt drivers)


def check_screen(facts: ScreenFacts) -> Result:
    name = "画面の 大きさ"
    if facts.size is None or facts.platform in NO_REAL_SCREEN:
        return fail(
            "screen",
            name,
            f"画面が 見つかりません（{facts.platform}）",
            "画面を つないだ パソコンの 上で、キオスクの アカウントから 点検して ください。",
        )
    width, height = facts.size
    seen = f"{width}×{height}"
    if width < SMALLEST[0] or height < SMALLEST[1]:
        return fail(
            "screen",
            name,
            seen + f"（{SMALLEST[0]}×{SMALLEST[1]} より 小さい）",
            "画面の 解像度を 1920×1080 に して ください（拡大は 100%）。",
        )
    if (width, height) != (1920, 1080):
        return ok("screen", name, seen + "（1920×1080 が いちばん 見やすく なります）")
    return ok("screen", name, seen)


def check_touch(touch_devices: list[str]) -> Result:
    name = "タッチパネル"
    if not touch_devices:
        return fail(
            "touch",
            name,
            "見つかりません（マウスでしか 操作できません）",
            "タッチパネルの USB ケーブルを つなぎ、パソコンを 再起動して ください。",
        )
    return ok("touch", name, "あります: " + "、".join(touch_devices))


def check_printer(facts: PrinterFacts | None, wanted: str) -> Result:
    name = "プリンター"
    setting = f"設定の printer_name「{wanted}」" if wanted else "ふだん使う プリンター（既定）"
    if facts is None:
        return fail(
            "printer",
            name,
            f"{setting}が 見つかりません",
            "レシートプリンターを つないで 電源を 入れ、ふだん使う プリンターに して ください"
            + ("（または settings.toml の printer_name を 直す）。" if wanted else "。"),
        )
    if facts.error:
        return fail(
            "printer",
            name,
            f"{facts.name} が エラーを 出しています",
            "電源・ケーブル・紙・ふたを 確かめて ください。",
        )
    return ok("printer", name, f"{facts.name}（{setting}）")


def check_paper(facts: PrinterFacts | None, paper: str) -> Result:
    name = "紙の 大きさ"
    wanted = PAPER_NAMES.get(paper, paper)
    if facts is None:
        return fail(
            "paper", name, "プリンターが ないので 調べられません", "先に プリンターを つないで ください。"
        )
    width = PAPER_WIDTH_MM.get(paper)
    fits = [n for n, w, _h in facts.page_sizes if width is not None and abs(w - width) <= WIDTH_SLACK_MM]
    if fits:
        return ok("paper", name, f"設定は {wanted}。プリンターに「{fits[0]}」が あります")
    if facts.custom_sizes:
        return ok("paper", name, f"設定は {wanted}。プリンターは 好きな 大きさで 印刷できます")
    offered = "、".join(n for n, _w, _h in facts.page_sizes[:5]) or "なし"
    return fail(
        "paper",
        name,
        f"設定は {wanted} ですが、{facts.name} の 紙は {offered} です",
        "係員の 画面の「印刷する 紙」を プリンターの 紙に 合わせるか、"
        "プリンターの 用紙設定を 直して ください。",
    )
