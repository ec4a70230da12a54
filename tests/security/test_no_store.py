"""No copy of a signed-in page or a download is kept by a browser cache or a proxy (issue 24 item 11).

The page sweep (tests/core/test_pages_by_role.py) checks `no-store` on every page and download
each role opens; here: the pages on the way to a code, and public pages left as they were.
"""

from django.urls import reverse


def test_a_signed_in_page_and_a_download_say_no_store(client, personas):
    client.force_login(personas["insight_analyst"])
    for name in ["home", "inequities:figures_csv"]:
        response = client.get(reverse(name))
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"], name
        assert "private" in response["Cache-Control"], name


def test_a_public_page_to_a_visitor_is_unchanged(client, personas):
    response = client.get(reverse("accessibility"))
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
    client.force_login(personas["resident"])  # the same page, signed in: no copy kept
    assert "no-store" in client.get(reverse("accessibility"))["Cache-Control"]
