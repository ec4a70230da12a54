"""PDFs from HTML with WeasyPrint, the one way the product lays out a printed page (the survey print
pack, the complaints annual report). Only the fonts installed on this machine are used: WeasyPrint
fetches nothing but inline (data:) images, such as a letter's QR code, so a page carries only inline
styles and images. PDFs are tagged (PDF/UA-1: structure, language, title), so a screen reader reads
them in order."""


def document(html):
    """The laid-out document (pages and anchors); `pdf_of(document)` gives its bytes."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    return HTML(string=html, url_fetcher=URLFetcher(allowed_protocols=["data"])).render()


def pdf_of(laid_out, tagged=True):
    """The PDF of a laid-out document: tagged PDF/UA-1, or untagged (a stamp drawn inside a tagged page)."""
    return laid_out.write_pdf(pdf_variant="pdf/ua-1" if tagged else None)


def pdf_bytes(html):
    return pdf_of(document(html))
