"""What every page's header needs: the navigation and which item is current."""

from __future__ import annotations

NAV_ITEMS = (
    ("authority_list", "Authorities"),
    ("national", "National picture"),
    ("search", "Search"),
    ("upload", "Upload"),
    ("plans:plan_list", "Plans"),
)

#: URL name → navigation item it belongs under
_SECTION = {
    "authority_list": "authority_list",
    "authority_detail": "authority_list",
    "inspection_detail": "authority_list",
    "inspection_evidence": "authority_list",
    "national": "national",
    "search": "search",
    "upload": "upload",
}


def navigation(request) -> dict:
    match = getattr(request, "resolver_match", None)
    return {"nav_items": NAV_ITEMS, "nav_active": _SECTION.get(match.url_name if match else "", "")}
