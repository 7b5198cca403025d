"""The register of local authorities (Ofsted URN, DfE and ONS codes, region, statistical neighbours).

A copy of ``shared/reference/local_authorities.csv`` ships in ``inspire/core/data`` so the product
works on its own. Names in reports vary ("St Helens", "County Durham", "City of Bristol",
"Bournemouth, Christchurch & Poole"); :meth:`Register.find` matches all those forms.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path


@dataclass(frozen=True)
class Authority:
    ofsted_urn: str
    dfe_la_code: str
    ons_code: str
    name: str
    region_code: str
    region_name: str
    la_type: str
    population_0_25: int | None
    stat_neighbours: tuple[str, ...]  # DfE codes, the current set
    stat_neighbours_previous: tuple[str, ...]
    also_known_as: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """Every form of the name a report may print."""
        forms = [self.name, *self.also_known_as]
        if ", City of" in self.name:
            base = self.name.replace(", City of", "")
            forms += [base, f"City of {base}"]
        if self.name.startswith("St. "):
            forms.append("St " + self.name[4:])
        if self.name == "Durham":
            forms.append("County Durham")
        if self.name.endswith("-on-Sea"):
            forms.append(self.name[: -len("-on-Sea")])
        if self.name.endswith(" Borough"):
            forms.append(self.name[: -len(" Borough")])
        forms += _SHORT_NAMES.get(self.name, ())
        return tuple(dict.fromkeys(forms))


#: Short names reports print for a few authorities ("Inspection of Hull local authority…").
_SHORT_NAMES = {
    "Kingston Upon Hull, City of": ("Hull", "Hull City Council"),
    "East Riding of Yorkshire": ("East Riding",),
}


def _normalise(name: str) -> str:
    name = name.lower().replace("&", " and ").replace("’", "'")
    name = re.sub(r"[^a-z0-9' ]+", " ", name)
    return re.sub(r"\s+", " ", name).strip()


class Register:
    def __init__(self, authorities: list[Authority]):
        self.authorities = authorities
        self.by_urn = {a.ofsted_urn: a for a in authorities}
        self.by_dfe = {a.dfe_la_code: a for a in authorities}
        self._by_form: dict[str, Authority] = {}
        for authority in authorities:
            for form in authority.names:
                self._by_form.setdefault(_normalise(form), authority)
        forms = sorted(self._by_form, key=len, reverse=True)  # longest first: "West Sussex" before "Sussex"
        self._pattern = re.compile(r"\b(" + "|".join(re.escape(f) for f in forms) + r")\b")

    @classmethod
    def load(cls, path: str | Path | None = None) -> Register:
        if path is None:
            text = resources.files("inspire.core.data").joinpath("local_authorities.csv").read_text("utf-8")
        else:
            text = Path(path).read_text("utf-8")
        return cls([_authority(row) for row in csv.DictReader(text.splitlines())])

    def lookup(self, name: str) -> Authority | None:
        """The authority whose name (in any printed form) is exactly ``name``."""
        return self._by_form.get(_normalise(name))

    def starting_with(self, name: str) -> list[Authority]:
        """Every authority one of whose names starts with the whole words of ``name`` ("Newcastle"
        → Newcastle upon Tyne; "Kingston" → Kingston upon Hull and Kingston upon Thames): a short
        form a report may print. More than one is ambiguous, for the caller to say so."""
        start = _normalise(name)
        if not start:
            return []
        found = {a.ofsted_urn: a for form, a in self._by_form.items() if form.startswith(start + " ")}
        return sorted(found.values(), key=lambda a: a.name)

    def find(self, text: str) -> list[tuple[int, Authority, str]]:
        """Every authority named in ``text``, as (position in the normalised text, authority, form)."""
        normalised = _normalise(text)
        return [(m.start(), self._by_form[m.group(1)], m.group(1)) for m in self._pattern.finditer(normalised)]

    def neighbours(self, authority: Authority) -> list[Authority]:
        return [self.by_dfe[code] for code in authority.stat_neighbours if code in self.by_dfe]


def _authority(row: dict[str, str]) -> Authority:
    def codes(value: str) -> tuple[str, ...]:
        return tuple(c for c in value.split(";") if c)

    aliases = tuple(a.strip() for a in row["also_known_as"].strip("[]").split(",") if a.strip())
    return Authority(
        ofsted_urn=row["ofsted_urn"],
        dfe_la_code=row["dfe_la_code"],
        ons_code=row["ons_code"],
        name=row["name"],
        region_code=row["region_code"],
        region_name=row["region_name"],
        la_type=row["la_type"],
        population_0_25=int(row["population_0_25"]) if row["population_0_25"] else None,
        stat_neighbours=codes(row["stat_neighbours"]),
        stat_neighbours_previous=codes(row["stat_neighbours_previous"]),
        also_known_as=aliases,
    )


@cache
def default_register() -> Register:
    return Register.load()
