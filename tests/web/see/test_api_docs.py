"""/api/docs serves Swagger UI from Inspire's own static files (pinned with django-ninja), no CDN."""

import re

from django.contrib.staticfiles import finders


def test_api_docs_use_local_assets_only(client, db):
    response = client.get("/api/docs")
    assert response.status_code == 200
    html = response.content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert any(s.endswith("ninja/swagger-ui-bundle.js") for s in sources)
    assert "cdn" not in html and "jsdelivr" not in html
    assert all(s.startswith("/") for s in sources), sources  # nothing from another site
    for source in sources:
        if source.startswith("/static/"):
            assert finders.find(source.removeprefix("/static/")), source
