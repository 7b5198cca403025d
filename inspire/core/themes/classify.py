"""Placing a recommendation in the practice themes, by the phrases each theme declares."""

from __future__ import annotations

import re
from functools import cache

from inspire.core.themes.taxonomy import THEMES

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2011": "-"})
#: cross-references the report adds ("(paragraphs 40, 41)", "(outcome 4, national framework)")
_REFERENCES = re.compile(r"\((?:[^()]*(?:paragraph|outcome|enabler|page|national framework)[^()]*)\)", re.I)


def normalise(text: str) -> str:
    """Lower case, straight quotes, cross-references and repeated spaces removed."""
    text = _REFERENCES.sub(" ", text.translate(_QUOTES))
    return re.sub(r"\s+", " ", text).strip().lower()


@cache
def _compiled():
    return [(theme.id, theme.pattern(), theme.exclusion(), theme.whole_text) for theme in THEMES]


#: where a recommendation turns from what must improve to why ("…, so that children …"): the themes
#: are what must improve, so the purpose is not read
_PURPOSE = re.compile(
    r",? (?:so that|so they|in order (?:to|that)|to ensure|to enable|to avoid|to prevent|to reduce|to inform|"
    r"to support|to help|to better|to maximise|to make sure|to identify|which results in|providing sufficient|"
    r"that supports|and use it|and that learning|so as to)\b"
)


#: an opening that says who works with whom before what must improve ("Work with partners to ensure that")
_INTRODUCER = re.compile(r"^(?:work|working) with [^,.]*? to (?:ensure (?:that )?|improve )?")


def subject(text: str) -> str:
    """A recommendation's subject: its normalised text up to where it states its purpose (at least
    its first five words)."""
    plain = _INTRODUCER.sub("", normalise(text))
    for match in _PURPOSE.finditer(plain):
        if len(plain[: match.start()].split()) >= 5:
            return plain[: match.start()]
    return plain


def themes_of(text: str) -> list[str]:
    """The ids of the themes a recommendation's text belongs to, in taxonomy order (may be empty).

    Themes are read from the recommendation's subject; its purpose is read too when the subject
    names no theme, and always for themes that name who acts (``Theme.whole_text``: "… so that the
    board understands …" is the board's work)."""
    whole = normalise(text)
    head = subject(text)
    in_head = [t for t in _compiled() if _matches(head, t)]
    found = {t[0] for t in (in_head or [t for t in _compiled() if _matches(whole, t)])}
    found |= {t[0] for t in _compiled() if t[3] and _matches(whole, t)}
    return [
        theme.id
        for theme in THEMES
        if theme.id in found and not (found & set(theme.absorbed_by) and not _strong(theme, whole))
    ]


def _strong(theme, text: str) -> bool:
    return any(re.search(p, text) for p in theme.strong)


def _matches(text: str, compiled) -> bool:
    _, pattern, exclusion, _ = compiled
    return bool(pattern.search(text)) and not (exclusion and _only_excluded(text, pattern, exclusion))


def _only_excluded(text: str, pattern: re.Pattern[str], exclusion: re.Pattern[str]) -> bool:
    """True when every match of the theme's phrases lies inside a phrase it excludes."""
    spans = [m.span() for m in exclusion.finditer(text)]
    return all(any(start <= m.start() and m.end() <= end for start, end in spans) for m in pattern.finditer(text))
