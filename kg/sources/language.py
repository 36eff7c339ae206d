"""Is a paragraph English? A small deterministic test: writing system first, then function words.

Statistical detectors (langdetect, fastText) are random-seeded or need model files, and
misjudge short biomedical text full of symbols; what we must catch is a translation
(Chinese, Japanese, Russian, Spanish, ...) next to an English abstract, which the share of
letters per script and the share of common function words decide reliably.
"""

from __future__ import annotations

import re
import unicodedata

ENGLISH = "en"
UNDETERMINED = "und"

# Script (first word of the Unicode character name) -> language code used in reasons.
_SCRIPT_LANGUAGE = {
    "CJK": "zh",
    "HIRAGANA": "ja",
    "KATAKANA": "ja",
    "HANGUL": "ko",
    "CYRILLIC": "ru",
    "ARABIC": "ar",
    "HEBREW": "he",
    "GREEK": "el",
    "THAI": "th",
    "DEVANAGARI": "hi",
    "BENGALI": "bn",
    "TAMIL": "ta",
    "GEORGIAN": "ka",
    "ARMENIAN": "hy",
}

# Frequent function words that are not also English words.
_FUNCTION_WORDS = {
    "en": set(
        "the of and to in is are was were with for that by as on from this these which be "
        "been has have had or an at we our its their than not but also between after into "
        "such may can could should whether both those there it".split()
    ),
    "fr": set("le la les des du une est dans pour que qui sur avec par aux ces sont été et ont "
              "cette mais leur ou où".split()),
    "es": set("el los las del una que por para con se su sus es son y lo entre fue fueron "
              "como más pero".split()),
    "de": set("der die das und ist mit für von den dem zu nicht ein eine im bei sich wurde "
              "wurden sind oder auch auf".split()),
    "it": set("il della delle degli dei nel nella per che con una sono è gli lo tra anche "
              "come più".split()),
    "pt": set("os da das dos uma que para com não em são foi foram pelo pela ao entre "
              "mais".split()),
    "nl": set("het een van en zijn werd werden met voor niet ook bij naar deze dat".split()),
}
# "die", "an", "in" and friends are English too: count them for English only.
for _code, _words in _FUNCTION_WORDS.items():
    if _code != "en":
        _words -= _FUNCTION_WORDS["en"]

_WORD_LANGUAGES: dict[str, tuple[str, ...]] = {}
for _code, _words in _FUNCTION_WORDS.items():
    for _word in _words:
        _WORD_LANGUAGES[_word] = (*_WORD_LANGUAGES.get(_word, ()), _code)

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_SAMPLE = 2000
_MIN_LETTERS = 12  # shorter text (a heading, a number) is not judged
_FOREIGN_SCRIPT_SHARE = 0.3  # Greek letters inside English (TNF-α, IL-1β) stay well below this


def _script(ch: str) -> str:
    if "a" <= ch.lower() <= "z":
        return "LATIN"
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else "UNKNOWN"


def detect_language(text: str) -> str:
    """An ISO 639-1 code ("en", "zh", "es", ...), or "und" when there is too little to judge."""
    if len(text) > 3 * _SAMPLE:
        # Long text is judged on its beginning, middle and end (a 10 MB abstract stays fast).
        middle = len(text) // 2
        text = " ".join((text[:_SAMPLE], text[middle - _SAMPLE // 2 : middle + _SAMPLE // 2], text[-_SAMPLE:]))
    words = _WORD.findall(text)
    letter_count = sum(map(len, words))
    if letter_count < _MIN_LETTERS:
        return UNDETERMINED
    if not text.isascii():
        scripts: dict[str, int] = {}
        for ch in "".join(words):
            script = _script(ch)
            scripts[script] = scripts.get(script, 0) + 1
        non_latin = {s: n for s, n in scripts.items() if s != "LATIN"}
        if non_latin:
            top, count = max(sorted(non_latin.items()), key=lambda item: item[1])
            if count / letter_count >= _FOREIGN_SCRIPT_SHARE:
                if top == "CJK" and (scripts.get("HIRAGANA") or scripts.get("KATAKANA")):
                    return "ja"
                return _SCRIPT_LANGUAGE.get(top, UNDETERMINED)
    hits = dict.fromkeys(_FUNCTION_WORDS, 0)
    for word in words:
        for code in _WORD_LANGUAGES.get(word.lower(), ()):
            hits[code] += 1
    english = hits.pop(ENGLISH)
    best, best_hits = max(sorted(hits.items()), key=lambda item: item[1])
    if best_hits >= 2 and best_hits > english:
        return best
    return ENGLISH if english else UNDETERMINED


def is_english(text: str) -> bool:
    """True unless the text is positively another language (short or unclear text counts as English)."""
    return detect_language(text) in (ENGLISH, UNDETERMINED)
