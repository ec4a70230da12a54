"""One tagged PDF (PDF/UA-1) made of the pages of tagged PDFs WeasyPrint wrote, keeping their structure.

A page may be added many times (the same questionnaire after every letter): each time it is a new
page that shares the first one's content, fonts and images, so the file does not grow by a copy of
them, with its own copy of the page's structure elements (pointing at that page) and its own entry
in the parent tree (the map from a page's marked content back to its elements). The structure's
top-level elements are children of one Document element in the order their pages were added, which
is the reading order. The first part's language, title, title-bar preference and PDF/UA
identification (XMP metadata) are the document's.

A page may be given a language of its own (its top-level elements get /Lang), and a stamp: a small
untagged page drawn on it as marked content, with a paragraph element of its own read first (the
reference on each resident's questionnaire).
"""

import io

import pikepdf
from pikepdf import Array, Dictionary, Name

CATALOGUE = ("/Lang", "/MarkInfo", "/ViewerPreferences", "/Metadata")


def _kids(element):
    kids = element.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, Array) else [kids]


def _nums(tree):
    pairs = []
    if "/Nums" in tree:
        items = list(tree.Nums)
        pairs += list(zip(items[0::2], items[1::2], strict=True))
    for kid in tree.get("/Kids", []):
        pairs += _nums(kid)
    return pairs


class Part:
    """A tagged PDF to take pages from: its top-level elements and next free marked-content id by page."""

    def __init__(self, data):
        self.pdf = pikepdf.open(io.BytesIO(data))
        index = {page.obj.objgen: n for n, page in enumerate(self.pdf.pages)}
        self.elements = {n: [] for n in range(len(self.pdf.pages))}
        for document in _kids(self.pdf.Root.StructTreeRoot):
            for element in _kids(document):
                self.elements[index[element.Pg.objgen]].append(element)
        tree = dict((int(key), value) for key, value in _nums(self.pdf.Root.StructTreeRoot.ParentTree))
        self.next_mcid = {
            n: len(tree.get(int(page.obj.get("/StructParents", -1)), [])) for n, page in enumerate(self.pdf.pages)
        }
        self.copied = {}

    def __len__(self):
        return len(self.pdf.pages)


class TaggedPdf:
    def __init__(self, first):
        """A document taking its catalogue (language, title, metadata) from the Part `first`."""
        self.pdf = pikepdf.new()
        for key in CATALOGUE:
            if key in first.pdf.Root:
                self.pdf.Root[key] = self._copied(first.pdf.Root[key])
        for key, value in first.pdf.docinfo.items():
            self.pdf.docinfo[key] = value
        self.document = self.pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Document, K=Array()))
        self.root = self.pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot, K=Array([self.document])))
        self.document.P = self.root
        self.pdf.Root.StructTreeRoot = self.root
        self.parent_tree = []

    def _copied(self, value):
        """`value` from another PDF, as an object of this one (indirect objects copied once)."""
        if not isinstance(value, pikepdf.Object):  # numbers and booleans come back as Python's own
            return value
        if value.is_indirect:
            return self.pdf.copy_foreign(value)
        if isinstance(value, Dictionary):
            return Dictionary({key: self._copied(value[key]) for key in value.keys()})
        if isinstance(value, Array):
            return Array([self._copied(item) for item in value])
        return value

    def _page(self, part, number):
        """A new page of this document showing `part`'s page `number`."""
        if number not in part.copied:
            if "/Annots" in part.pdf.pages[number].obj:
                raise ValueError("Pages with annotations (links, form fields) are not joined here.")
            self.pdf.pages.append(part.pdf.pages[number])
            page = self.pdf.pages[-1].obj
            part.copied[number] = Dictionary({key: page[key] for key in page.keys()})  # as it was, before any stamp
            return page
        shown = part.copied[number]
        page = self.pdf.make_indirect(
            Dictionary({key: shown[key] for key in shown.keys() if key not in ("/Parent", "/StructParents")})
        )
        self.pdf.pages.append(pikepdf.Page(page))
        return self.pdf.pages[-1].obj

    def _clone(self, element, parent, page, marked):
        """A copy of structure `element` (and its descendants) under `parent`, on `page`; `marked`
        collects {marked-content id: element} for the page's entry in the parent tree."""
        copy = self.pdf.make_indirect(Dictionary())
        for key in element.keys():
            if key not in ("/P", "/Pg", "/K"):
                copy[key] = self._copied(element[key])
        copy.P, copy.Pg, kids = parent, page, Array()
        for kid in _kids(element):
            if isinstance(kid, int):
                marked[kid] = copy
                kids.append(kid)
            elif kid.get("/Type") == Name.MCR:
                marked[int(kid.MCID)] = copy
                kids.append(Dictionary(Type=Name.MCR, Pg=page, MCID=kid.MCID))
            elif "/S" in kid:
                kids.append(self._clone(kid, copy, page, marked))
        copy.K = kids
        return copy

    def add(self, part, number, language=None, stamp=None):
        """Add `part`'s page `number`, with `language` (BCP 47) if not the document's, and `stamp`
        (a page of an untagged PDF) drawn on it, read before the rest of the page."""
        page = self._page(part, number)
        page.StructParents = key = len(self.parent_tree)
        marked, elements = {}, []
        if stamp is not None:
            elements.append(self._stamp(page, stamp, part.next_mcid[number], marked))
        elements += [self._clone(element, self.document, page, marked) for element in part.elements[number]]
        for element in elements:
            if language:
                element.Lang = pikepdf.String(language)
            self.document.K.append(element)
        self.parent_tree.append(Array([marked.get(n) for n in range(max(marked, default=-1) + 1)]))
        return key

    def _stamp(self, page, stamp, mcid, marked):
        contents = stamp.obj.Contents
        drawn = b"\n".join(c.read_bytes() for c in (contents if isinstance(contents, Array) else [contents]))
        form = self.pdf.make_stream(drawn, Type=Name.XObject, Subtype=Name.Form, BBox=Array(stamp.mediabox))
        form.Resources = self._copied(stamp.obj.Resources)
        resources = Dictionary({key: page.Resources[key] for key in page.Resources.keys()})
        xobjects = Dictionary(
            {key: resources.XObject[key] for key in resources.XObject.keys()} if "/XObject" in resources else {}
        )
        xobjects.ReferenceStamp = form
        resources.XObject = xobjects
        page.Resources = resources
        draw = self.pdf.make_stream(f"/P <</MCID {mcid}>> BDC q /ReferenceStamp Do Q EMC\n".encode())
        contents = page.Contents
        page.Contents = Array([draw, *(contents if isinstance(contents, Array) else [contents])])
        paragraph = self.pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.P, P=self.document, Pg=page))
        paragraph.K = Array([mcid])
        marked[mcid] = paragraph
        return paragraph

    def save(self, target):
        """Write the document to `target` (a path or binary file)."""
        self.root.ParentTree = self.pdf.make_indirect(
            Dictionary(Nums=Array([item for key, value in enumerate(self.parent_tree) for item in (key, value)]))
        )
        self.root.ParentTreeNextKey = len(self.parent_tree)
        seekable = getattr(target, "seekable", None)
        if isinstance(target, str) or hasattr(target, "__fspath__") or (seekable and seekable()):
            self.pdf.save(target, object_stream_mode=pikepdf.ObjectStreamMode.generate)
        else:  # an HTTP response: pikepdf writes only to a file or a stream it can seek in
            written = io.BytesIO()
            self.pdf.save(written, object_stream_mode=pikepdf.ObjectStreamMode.generate)
            target.write(written.getvalue())
