"""The privacy filter: phone numbers, My Number, PINs, e-mail and postal codes are refused however
they are written — in notes, supporter names and merged bundle rows — and ordinary notes are kept."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from kiosk.records import bundle_seal
from kiosk.records.accounts import Accounts, PinRejected, Role
from kiosk.records.bundle import SEALED_CONSULTATIONS, SEALED_EVENTS, BundleError, merge_bundles, write_bundle
from kiosk.records.events import EventKind
from kiosk.records.privacy import PersonalDataRefused, personal_data, personal_data_in
from kiosk.records.recorder import Recorder
from kiosk.records.store import RecordStore
from tests.helpers.cli import kiosk

REFUSED = [
    # phone numbers: every separator, brackets around any group, full-width, kanji digits
    "電話 090-1234-5678",
    "090.1234.5678",
    "(090)1234-5678",
    "090(1234)5678",
    "090 1234 5678",
    "090 - 1234 - 5678",
    "09012345678",
    "090‐1234‐5678",
    "090ー1234ー5678",
    "０９０－１２３４－５６７８",
    "０９０（１２３４）５６７８",
    "〇九〇一二三四五六七八",
    "〇九〇ー一二三四ー五六七八",
    "+81 90-1234-5678",
    "03-1234-5678",
    "(03) 1234 5678",
    "088-686-1234 に かけなおす",
    "携帯は 090/1234/5678 です",
    "TEL 86-1234",
    "電話: ８６・１２３４",
    # My Number and other 12-digit numbers in any grouping
    "1234 5678 9012",
    "1234.5678.9012",
    "123456789012",
    "12-3456-7890-12",
    "1 2 3 4 5 6 7 8 9 0 1 2",
    "一二三四 五六七八 九〇一二",
    "2026-12-06-1234-56",
    "٠٩٠١٢٣٤٥٦٧٨",
    # PINs and passwords
    "PIN=1234",
    "PIN:1234",
    "pin 4821",
    "PIN1234",
    "暗証番号は 1234",
    "暗証番号：４８２１",
    "暗証番号 一二三四",
    "暗証 ４ ８ ２ １",
    "パスワードは Abc123",
    "ﾊﾟｽﾜｰﾄﾞは abc123",
    "password: hunter22",
    # e-mail and postal codes
    "taro@example.jp",
    "taro＠example.co.jp",
    "〒772-8501",
    "772-8501",
    "７７２－８５０１",
    "郵便番号 7728501",
]

KEPT = [
    "LINE の写真の送り方を 練習した",
    "2026-12-06",
    "2026/12/06 10:30",
    "2026-12-06 10:30 2回目",
    "2025-12-01〜2026-01-31",
    "10:30",
    "10:30〜11:45",
    "9:00-17:00",
    "「3回目」",
    "3回目の 相談",
    "ステップ 5 まで できた",
    "手順 1. 2. 3. を 練習",
    "①②③④⑤⑥⑦⑧⑨⑩ の 手順",
    "1, 2, 3, 4, 5, 6, 7, 8, 9, 10 まで",
    "1,000円",
    "料金 1,000円、3,300円",
    "10,000,000円",
    "2026年12月6日 10時30分",
    "12/6 と 12/13 に また 来る",
    "65歳",
    "スマホ 2台 (iPhone 15, Galaxy S23)",
    "Android 14 / iOS 17.2",
    "パスワードの変え方を 練習",
    "PINコードを 忘れた",
    "暗証番号を 4回 まちがえて ロック",
    "暗証番号 6けた の 練習",
    "暗証番号の練習 2026年",
    "電話番号の 登録を 練習",
    "電話を 3回 かけた",
    "マイナンバー総合フリーダイヤル 0120-95-0178 を案内",
    "一人で できた",
    "七五三の 写真を 送った",
    "ショッピング 2025",
    "hotel 123456",
    "第3章 4.2節",
    "3-5 ページ",
    "Wi-Fi の 5GHz",
    "単語 12 個 / 30 個",
    "スーパー 2026",
]


@pytest.mark.parametrize("text", REFUSED)
def test_personal_data_is_refused_however_it_is_written(text: str) -> None:
    assert personal_data(text) is not None


@pytest.mark.parametrize("text", KEPT)
def test_ordinary_notes_are_kept(text: str) -> None:
    assert personal_data(text) is None


def test_what_is_refused_is_named_without_repeating_it() -> None:
    assert personal_data("090.1234.5678") == "a long number (phone number or My Number)"
    assert personal_data("PIN=1234") == "a PIN or password"
    assert personal_data("taro@example.jp") == "an e-mail address"
    assert personal_data("〒772-8501") == "a postal code"
    assert personal_data_in("あ" * 201) == "longer than 200 characters"


def test_long_hostile_text_is_checked_quickly() -> None:
    for text in ("1 " * 4999, "a" * 9999, "PIN" + "1" * 9990, "電話" * 4999, "ー1" * 4999, "@" * 9999):
        started = time.perf_counter()
        personal_data(text)
        assert time.perf_counter() - started < 0.5
    assert personal_data("あ" * 10_001) == "longer than 10000 characters"


@pytest.mark.parametrize(
    "note", ["090.1234.5678", "(090)1234-5678", "PIN=1234", "１２３４.５６７８.９０１２"]
)
def test_the_supporters_note_refuses_the_forms_that_got_through(store: RecordStore, note: str) -> None:
    recorder = Recorder(store)
    recorder.begin()
    consultation = recorder.consultation_id
    assert consultation is not None
    with pytest.raises(PersonalDataRefused):
        store.write_outcome(consultation, outcome="solved", note=note)
    store.write_outcome(consultation, outcome="solved", note="パスワードの変え方を 練習 (2026-12-06 10:30)")
    saved = store.db.execute("SELECT note FROM consultations WHERE id = ?", [consultation]).fetchone()
    assert saved[0] == "パスワードの変え方を 練習 (2026-12-06 10:30)"


@pytest.mark.parametrize("name", ["09012345678", "090-1234-5678", "tel-0886861234", "pin-4821"])
def test_a_supporter_name_that_holds_personal_data_is_refused(store: RecordStore, name: str) -> None:
    accounts = Accounts(store)
    with pytest.raises(PinRejected, match="個人情報"):
        accounts.set_pin(name, Role.SUPPORTER, "4826", actor="test")
    accounts.set_pin("supporter-2", Role.SUPPORTER, "4826", actor="test")
    assert [account.name for account in accounts.list()] == ["supporter-2"]


def test_the_pin_set_command_refuses_a_phone_number_as_a_name(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    from kiosk.paths import PROJECT_ROOT

    made = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "main.py"), "pin", "set", "09012345678", "--role", "supporter"],
        input="4826\n",
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "KIOSK_DATA_DIR": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"},
    )
    assert made.returncode == 2
    assert "個人情報" in made.stderr and "Traceback" not in made.stderr


def _bundle_with(tmp_path: Path, sql: str, args: list[object]) -> Path:
    """A real bundle from a real kiosk, then one field edited as a careless or hostile hand would."""
    source = RecordStore(tmp_path / "kiosk-1" / "records.sqlite3", kiosk_id="kiosk-1")
    recorder = Recorder(source)
    recorder.begin(mode="supporter", supporter_id="supporter-1")
    recorder.record(EventKind.INTAKE, detail="line")
    recorder.end("closed")
    consultation = recorder.consultation_id or source.db.execute("SELECT id FROM consultations").fetchone()[0]
    source.write_outcome(consultation, outcome="solved", note="LINE の 写真を 送れた")
    bundle = tmp_path / "kiosk-1.bundle"
    assert write_bundle(source, bundle) == 1
    source.close()
    edit = sqlite3.connect(bundle)
    edit.execute(sql, args)
    # Sealed again, as a kiosk that let the text through would have written it: the privacy
    # filter, not the checksum, is what refuses it (tests/domain/test_bundle.py checks the seal).
    content = bundle_seal.checksum(edit, "main", SEALED_CONSULTATIONS, SEALED_EVENTS)
    edit.execute("UPDATE bundle_info SET content_sha256 = ?", [content])
    edit.commit()
    edit.close()
    return bundle


@pytest.mark.parametrize(
    ("sql", "value", "field"),
    [
        ("UPDATE consultations SET note = ?", "電話 090.1234.5678", "note"),
        ("UPDATE consultations SET note = ?", "PIN=1234", "note"),
        ("UPDATE consultations SET supporter_id = ?", "(090)1234-5678", "supporter"),
        ("UPDATE consultations SET supporter_id = ?", "taro@example.jp", "supporter"),
        ("UPDATE events SET detail = ?", "〇九〇一二三四五六七八", "detail"),
    ],
)
def test_a_bundle_with_personal_data_in_a_free_text_field_is_refused_whole(
    tmp_path: Path, sql: str, value: str, field: str
) -> None:
    bundle = _bundle_with(tmp_path, sql, [value])
    central = RecordStore(tmp_path / "central" / "records.sqlite3", kiosk_id="central")
    with pytest.raises(BundleError, match=r"consultation|event") as refused:
        merge_bundles(central, [bundle])
    assert f"{field} refused" in str(refused.value)
    assert value not in str(refused.value)
    assert central.check().consultations == 0 and central.check().events == 0
    central.close()

    merged = kiosk("merge", str(bundle), data_dir=tmp_path / "central")
    assert merged.returncode != 0
    assert f"{field} refused" in merged.stderr and "Traceback" not in merged.stderr
    assert value not in merged.stderr


def test_an_ordinary_bundle_still_merges(tmp_path: Path) -> None:
    bundle = _bundle_with(tmp_path, "UPDATE consultations SET note = ?", ["2026-12-06 10:30 3回目、1,000円"])
    central = RecordStore(tmp_path / "central" / "records.sqlite3", kiosk_id="central")
    report = merge_bundles(central, [bundle])
    assert (report.added_consultations, report.added_events) == (1, central.check().events)
    central.close()
