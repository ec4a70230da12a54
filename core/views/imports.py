"""Imports in the browser for an administrator: upload, see every problem, then confirm."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from core.access import page
from core.forms.imports import ImportUploadForm
from core.imports import IMPORTS, ImportFailed
from core.models import ImportBatch

PROBLEMS_SHOWN = 200


@page("core.import_data")
def import_start(request):
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        text, kind = form.cleaned_data["text"], form.cleaned_data["kind"]
        options = {"option_id": form.cleaned_data["option"]} if IMPORTS[kind].option else {}
        name = form.cleaned_data["file"].name[:200]
        checked = IMPORTS[kind].make(by=request.user, file_name=name, **options).check(text)
        batch = ImportBatch.objects.create(
            kind=kind,
            options=options,
            file_name=name,
            content=text if checked.ok else "",
            uploaded_by=request.user,
            row_count=len(checked.rows),
            problem_count=len(checked.problems),
        )
        request.session[f"import-{batch.pk}-problems"] = [
            [p.line, p.column, p.message] for p in checked.problems[:PROBLEMS_SHOWN]
        ]
        if checked.changes is not None:
            request.session[f"import-{batch.pk}-changes"] = checked.changes.as_rows()
        return redirect("import_review", pk=batch.pk)
    batches = ImportBatch.objects.select_related("uploaded_by")[:20]
    return render(request, "core/imports/start.html", {"form": form, "batches": batches})


@page("core.import_data")
def import_review(request, pk):
    batch = get_object_or_404(ImportBatch, pk=pk)
    problems = request.session.get(f"import-{batch.pk}-problems", [])
    ready = batch.problem_count == 0 and batch.imported_at is None and batch.content != ""
    if request.method == "POST" and ready:
        return _confirm(request, batch)
    changes = request.session.get(f"import-{batch.pk}-changes", [])
    context = {"batch": batch, "problems": problems, "ready": ready, "shown": PROBLEMS_SHOWN, "changes": changes}
    return render(request, "core/imports/review.html", context)


def _confirm(request, batch):
    with transaction.atomic():
        batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
        if batch.imported_at is not None:
            return redirect("import_review", pk=batch.pk)
        try:
            importer = IMPORTS[batch.kind].make(by=request.user, file_name=batch.file_name, **batch.options)
            summary = importer.run(batch.content)
        except ImportFailed as failure:
            # The data changed since the file was checked: show what is wrong now.
            request.session[f"import-{batch.pk}-problems"] = [
                [p.line, p.column, p.message] for p in failure.problems[:PROBLEMS_SHOWN]
            ]
            ImportBatch.objects.filter(pk=batch.pk).update(problem_count=len(failure.problems), content="")
            return redirect("import_review", pk=batch.pk)
        # The file is not kept once imported: it may hold residents' names and dates of birth.
        ImportBatch.objects.filter(pk=batch.pk).update(imported_at=timezone.now(), summary=summary[:300], content="")
    messages.success(request, summary)
    return redirect("import_review", pk=batch.pk)
