"""What can happen in a consultation; stored as the event's `kind`."""

from __future__ import annotations

from enum import StrEnum


class EventKind(StrEnum):
    LESSON_STARTED = "lesson_started"
    STEP_SHOWN = "step_shown"
    DONT_UNDERSTAND = "dont_understand"
    LESSON_FINISHED = "lesson_finished"
    HANDOFF_SHOWN = "handoff_shown"
    SLIP_PRINTED = "slip_printed"
    SLIP_PRINT_FAILED = "slip_print_failed"
    STAFF_CALLED = "staff_called"
    STAFF_NOTIFIED = "staff_notified"  # the staff-call webhook: detail sent (1 try) / failed: why (3 tries)
    TEXT_SIZE_CHANGED = "text_size_changed"
    THEME_CHANGED = "theme_changed"
    DEVICE_CHOSEN = "device_chosen"
    READ_ALOUD_CHANGED = "read_aloud_changed"
    READ_ALOUD = "read_aloud"
    FURIGANA_CHANGED = "furigana_changed"
    IDLE_WARNING = "idle_warning"
    IDLE_EXTENDED = "idle_extended"
    IDLE_RESET = "idle_reset"
    PRACTICE_RESULT = "practice_result"
    RESUMED = "resumed"
    INTAKE = "intake"
    RESUME_WRONG = "resume_wrong"
    TROUBLE_CHOSEN = "trouble_chosen"  # 「こまったことから さがす」: detail the trouble's id
    WORD_OPENED = "word_opened"  # a glossary word's meaning: detail the word
    DISASTER_CARD = "disaster_card"  # a card of the 災害モード home: detail connect/safety/certificate/city
    CHECK_ANSWERED = "check_answered"  # a course self-check: step = question (from 1), detail right/wrong
    LANGUAGE_CHANGED = "language_changed"  # detail: the language chosen (the consultation keeps the last)
    # Kiosk mode brought its window back: detail minimised / hidden / unmapped / not full screen.
    # With no consultation under way it is an audit line (actor 'kiosk') instead.
    WINDOW_RESTORED = "window_restored"
    # 「カードを かざして 調べる」: detail categories only (card_checks.py), never the date, the
    # certificate, the serial number or the tries left: "within_3_months auth=ok sign=low kenhojo=ok"
    CARD_CHECKED = "card_checked"
