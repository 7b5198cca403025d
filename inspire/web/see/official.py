"""Ofsted's official inspection outcomes beside the store: which edition is in use, what the store
holds against it, and the release's own figures for any date.

The edition in use is the one loaded with ``inspire official load FILE`` (kept in the data folder),
else the one packaged with Inspire (``inspire.core.official``).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.conf import settings

from inspire.core import official
from inspire.web.read.models import Authority, Inspection, Judgement
from inspire.web.read.selectors import store_summary
from inspire.web.toolkit.caching import per_data_version

LOADED_NAME = "official-outcomes"

_cache: dict[tuple, official.OfficialOutcomes] = {}


def _loaded_file() -> Path | None:
    return next(iter(sorted(Path(settings.DATA_DIR).glob(f"{LOADED_NAME}.*"))), None)


def outcomes() -> official.OfficialOutcomes:
    """The edition in use (read once per file and change)."""
    path = _loaded_file()
    key = (str(path), path.stat().st_mtime_ns) if path else ("packaged",)
    if key not in _cache:
        _cache.clear()
        _cache[key] = official.load(path)
    return _cache[key]


def source() -> str:
    """Which edition is in use, in words."""
    edition = outcomes()
    published = f", published {edition.published_on:%-d %B %Y}" if edition.published_on else ""
    where = "loaded with inspire official load" if _loaded_file() else "packaged with Inspire"
    return f"{edition.title}{published} ({where})"


def install(path: Path) -> official.OfficialOutcomes:
    """Check ``path`` is the workbook (``official.OfficialDataError`` if not) and keep it as the edition in use."""
    edition = official.load(path)
    Path(settings.DATA_DIR).mkdir(parents=True, exist_ok=True)
    for old in Path(settings.DATA_DIR).glob(f"{LOADED_NAME}.*"):
        old.unlink()
    shutil.copyfile(path, Path(settings.DATA_DIR) / f"{LOADED_NAME}{Path(path).suffix.lower()}")
    return edition


def current_area_codes() -> set[str]:
    """ONS codes of the authorities that exist now, as the official record lists them."""
    return {i.ons_code for i in outcomes().inspections if i.current}


@dataclass(frozen=True)
class Coverage:
    """What the store holds, against the authorities that exist now."""

    authorities: int
    with_inspection: int
    latest: date | None
    official_latest: date | None
    official_source: str

    @property
    def without_inspection(self) -> int:
        return self.authorities - self.with_inspection


def coverage() -> Coverage:
    current = current_area_codes()
    return Coverage(
        authorities=len(current),
        with_inspection=len(current & _inspected_codes()),
        latest=store_summary().last,
        official_latest=outcomes().latest_start,
        official_source=source(),
    )


@per_data_version
def _inspected_codes() -> frozenset[str]:
    """ONS codes of the authorities with any inspection stored."""
    return frozenset(Inspection.objects.exclude(authority=None).values_list("authority__ons_code", flat=True))


def reconciliation() -> tuple[official.Reconciliation, dict]:
    """The official record reconciled with the store, and the authorities and inspections it names
    (by ONS code and id) for links."""
    stored, names = _stored_for_reconciliation()
    return official.reconcile(outcomes(), stored), names


@per_data_version
def _stored_for_reconciliation() -> tuple[list[official.StoredInspection], dict]:
    """The store's side of the reconciliation, read once per version of the stored data."""
    inspections = list(
        Inspection.objects.filter(family__in=official.FAMILIES, authority__isnull=False)
        .select_related("authority")
        .defer("record", "facts", "warnings")  # not shown, and decoding them was half the page's time
    )
    grades: dict[int, dict[str, str]] = {}
    for inspection_id, area, grade in Judgement.objects.filter(inspection__in=inspections).values_list(
        "inspection_id", "area", "grade"
    ):
        grades.setdefault(inspection_id, {})[area] = grade
    stored = [
        official.StoredInspection(
            i.id,
            i.authority.ons_code,
            i.family,
            i.inspection_start,
            i.inspection_end,
            i.published,
            grades.get(i.id, {}),
        )
        for i in inspections
    ]
    return stored, {
        "authorities": {a.ons_code: a for a in Authority.objects.all()},
        "inspections": {i.id: i for i in inspections},
    }
