"""Colours and text sizes, turned into one style sheet for the whole window.

Every text/background pair here is at least 7:1 (WCAG 1.4.6); the tests
measure the rendered screens, not just these numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.drawing.fonts import FONT_FAMILY
from kiosk.settings import TextSize, ThemeName

# Body text in px at the reference 1920×1080 panel; 特大 is 200 % of 標準.
BODY_PX: dict[TextSize, int] = {"standard": 36, "large": 48, "xlarge": 72}
TEXT_SIZES: tuple[TextSize, ...] = ("standard", "large", "xlarge")
THEMES: tuple[ThemeName, ...] = ("standard", "high-contrast")


@dataclass(frozen=True)
class Palette:
    window: str
    text: str
    muted_bg: str  # cards and panels
    button_bg: str
    button_text: str
    button_border: str
    primary_bg: str
    primary_text: str
    help_bg: str
    help_text: str
    alert_bg: str
    alert_text: str
    checked_bg: str
    checked_text: str
    focus: str
    # Not pressable now: flat and grey, no outline, yet its words still read at 7:1.
    disabled_bg: str
    disabled_text: str


PALETTES: dict[ThemeName, Palette] = {
    "standard": Palette(
        window="#FBF8F1",
        text="#1B1B1B",
        muted_bg="#EFEAE0",
        button_bg="#FFFFFF",
        button_text="#14365C",
        button_border="#14365C",
        primary_bg="#0B4A2E",
        primary_text="#FFFFFF",
        help_bg="#5B3A00",
        help_text="#FFFFFF",
        alert_bg="#8A1C1C",
        alert_text="#FFFFFF",
        checked_bg="#14365C",
        checked_text="#FFFFFF",
        focus="#B35900",
        disabled_bg="#E4E0D8",
        disabled_text="#3D3D3D",
    ),
    "high-contrast": Palette(
        window="#000000",
        text="#FFFFFF",
        muted_bg="#000000",
        button_bg="#000000",
        button_text="#FFFF00",
        button_border="#FFFF00",
        primary_bg="#FFFF00",
        primary_text="#000000",
        help_bg="#00FFFF",
        help_text="#000000",
        alert_bg="#FFFFFF",
        alert_text="#000000",
        checked_bg="#FFFF00",
        checked_text="#000000",
        focus="#00FFFF",
        disabled_bg="#262626",
        disabled_text="#D0D0D0",
    ),
}


def _role_rules(p: Palette) -> str:
    """Filled buttons: primary (next step), help (わからない), alert (係員を呼ぶ)."""
    roles = {
        "primary": (p.primary_bg, p.primary_text),
        "help": (p.help_bg, p.help_text),
        "alert": (p.alert_bg, p.alert_text),
    }
    return "\n".join(
        f'QPushButton[role="{role}"] {{ background: {bg}; color: {fg}; border-color: {bg}; }}'
        for role, (bg, fg) in roles.items()
    )


def style_sheet(text_size: TextSize, theme: ThemeName) -> str:
    p = PALETTES[theme]
    body = BODY_PX[text_size]
    # Headings grow with the body text but by a fixed step, so that at 特大 the
    # body (what people read) doubles while headings do not crowd it off the screen.
    big = body + 9
    title = body + 18
    hero = body + 36
    instruction = body + 14
    pad = max(16, body // 2)
    key = 44  # keyboard keys keep a phone keyboard's shape (and room for the flick hints) at every size
    return f"""
* {{ font-family: "{FONT_FAMILY}"; font-size: {body}px; color: {p.text}; }}
#KioskWindow, QStackedWidget, PageStack, QWidget#Screen {{ background: {p.window}; }}
/* qproperty-margin: room inside the clip for what the UD font draws to its very edge (g, p, É) */
QLabel {{ background: transparent; qproperty-margin: 2; }}
QLabel[role="title"] {{ font-size: {title}px; font-weight: bold; }}
QLabel[role="bar-title"] {{ font-size: {body + 6}px; font-weight: bold; }}
QLabel[role="hero"] {{ font-size: {hero}px; font-weight: bold; }}
QLabel[role="instruction"] {{ font-size: {instruction}px; }}
QLabel[role="progress"] {{ font-weight: bold; }}
QLabel[role="warning"] {{
    background: {p.help_bg}; color: {p.help_text}; border-radius: 16px; font-weight: bold;
}}
QWidget#Card {{ background: {p.muted_bg}; border-radius: 16px; }}
QLabel[role="heading"] {{ font-size: {big}px; font-weight: bold; }}
QWidget#PinBox {{ background: {p.help_bg}; border-radius: 16px; }}
QWidget#PinBox QLabel {{ color: {p.help_text}; }}
QWidget#PinBox[pin="none"] {{ background: {p.muted_bg}; }}
QWidget#PinBox[pin="none"] QLabel {{ color: {p.text}; }}
QWidget#PrintStatus {{ background: {p.muted_bg}; border-radius: 16px; }}
QWidget#PrintStatus[state="failed"] {{ background: {p.alert_bg}; border: 6px solid {p.alert_text}; }}
QWidget#PrintStatus[state="failed"] QLabel {{ color: {p.alert_text}; font-weight: bold; }}
QPushButton#ScrollUp, QPushButton#ScrollDown {{
    min-width: 120px; min-height: 108px; padding: 8px 4px; font-size: 40px; font-weight: bold;
}}
QPushButton#PrintSlip[role="primary"] QLabel {{ color: {p.primary_text}; }}
TopBar[narrow="true"] QPushButton, CardBar[narrow="true"] QPushButton {{
    font-size: {min(body, BODY_PX["large"])}px; padding: 12px 24px;
}}
TopBar[narrow="true"] QLabel[role="bar-title"] {{ font-size: {min(body, BODY_PX["large"]) + 6}px; }}
QLabel#DisasterBanner {{ background: {p.alert_bg}; color: {p.alert_text}; font-weight: bold; padding: 6px; }}
QWidget#StaffCallBanner {{ background: {p.checked_bg}; }}
QWidget#StaffCallBanner QLabel {{
    color: {p.checked_text}; font-weight: bold; font-size: {BODY_PX["standard"]}px;
}}
QWidget#StaffCallBanner QPushButton {{ font-size: 32px; padding: 4px 16px; }}
QWidget#Overlay {{ background: {p.window}; }}
QScrollArea#ScrollArea, QWidget#ScrollViewport, QWidget#ScrollContent {{ background: transparent; }}
QPushButton {{
    background: {p.button_bg}; color: {p.button_text};
    border: 4px solid {p.button_border}; border-radius: 16px;
    padding: {pad // 2}px {pad}px; min-height: 80px; min-width: 80px;
}}
QPushButton:focus {{ border-color: {p.focus}; }}
BigButton {{ min-height: 60px; }}  /* with its padding ≥ 80 px; 80 px inside the padding wasted room */
QComboBox, QLineEdit {{
    background: {p.button_bg}; color: {p.button_text};
    border: 3px solid {p.button_border}; border-radius: 12px; padding: 4px 12px; min-height: 80px;
}}
QComboBox:focus, QLineEdit:focus {{ border-color: {p.focus}; }}
QComboBox QAbstractItemView {{
    background: {p.button_bg}; color: {p.button_text};
    selection-background-color: {p.checked_bg}; selection-color: {p.checked_text};
}}
QTableView, QHeaderView {{ font-size: {min(body, 28)}px; }}
QPushButton:checked {{ background: {p.checked_bg}; color: {p.checked_text}; }}
{_role_rules(p)}
QPushButton:disabled {{
    background: {p.disabled_bg}; color: {p.disabled_text}; border-color: {p.disabled_bg};
}}
QPushButton[role="primary"] QLabel {{ color: {p.primary_text}; }}
QPushButton QLabel {{ color: {p.button_text}; }}
QPushButton QLabel:disabled {{ color: {p.disabled_text}; }}
QPushButton QLabel[role="title"] {{ font-size: {big}px; }}
QPushButton[role="key"] {{ font-size: {key}px; padding: 4px; min-width: 80px; }}
QWidget#HelperBar {{ background: {p.muted_bg}; }}
QWidget#HelperBar QPushButton {{ font-size: 32px; padding: 4px 16px; }}
QWidget#HelperBar QLabel {{ font-size: 32px; }}
QLabel[role="tip"] {{ font-size: {min(body, 36)}px; }}
QLabel[role="typed"] {{ font-size: {title}px; padding: 8px 24px; }}
QLabel[role="countdown"] {{ font-size: {hero * 2}px; font-weight: bold; }}
QPushButton[emphasis="hero"] {{ font-size: {hero}px; font-weight: bold; padding: {pad}px; }}
QPushButton[emphasis="hero"] QLabel[role="title"] {{ font-size: {hero}px; font-weight: bold; }}
"""
