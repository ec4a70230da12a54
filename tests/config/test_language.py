from django.urls import reverse


def test_a_visitor_can_switch_to_welsh_and_back_without_javascript(client, db):
    response = client.post(reverse("set_language"), {"language": "cy", "next": "/accessibility/"})
    assert response.status_code == 302
    page = client.get("/accessibility/").content.decode()
    assert '<html lang="cy"' in page
    assert "Neidio i'r prif gynnwys" in page
    # Text not yet translated falls back to English rather than showing nothing.
    assert "zoom in up to 400%" in page

    client.post(reverse("set_language"), {"language": "en-gb", "next": "/"})
    page = client.get("/accessibility/").content.decode()
    assert '<html lang="en-gb"' in page
    assert "Skip to main content" in page


def test_the_switcher_offers_the_other_language_in_its_own_language(client, db):
    page = client.get("/accessibility/").content.decode()
    assert '<button type="submit" name="language" value="cy" lang="cy" class="app-link-button">Cymraeg</button>' in page
