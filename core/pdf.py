"""PDFs from HTML with WeasyPrint, the one way the product lays out a printed page (the survey print
pack, the complaints annual report). Only the fonts installed on this machine are used: WeasyPrint
is given a URL fetcher that fetches nothing, so a page can carry only inline styles and images."""


def _no_fetching(url, *args, **kwargs):
    raise ValueError(f"A printed page fetches nothing ({url[:40]}): only local fonts and inline images.")


def document(html):
    """The laid-out document (pages and anchors); `.write_pdf()` gives its bytes."""
    from weasyprint import HTML

    return HTML(string=html, url_fetcher=_no_fetching).render()


def pdf_bytes(html):
    return document(html).write_pdf()
