"""Optimistic concurrency: a save from a page opened before someone else's save is refused.

One mechanism for every record two people edit (ADR 9, docs/security.md):

- the model takes `Revisioned`: an integer `revision`, one more on every save;
- the edit form takes `RevisionField` (a hidden field carrying the revision the page was read at)
  through `with_revision(form, instance)`;
- the service saves with `save_unless_changed(instance, read_at, fields)`: one
  `UPDATE ... SET ..., revision = revision + 1 WHERE pk = %s AND revision = read_at`, so of two
  simultaneous saves from the same page only one can match; the other raises `StaleEdit`;
- the view calls `refuse_stale(form, error)`: the form is shown again with the person's typed
  values, a GOV.UK error summary saying the record was changed by someone else since the page was
  opened and what each changed field now holds, and the hidden revision moved on to the current
  one, so saving again (deliberately) replaces the newer values.
"""

from django import forms
from django.db import models, transaction
from django.db.models import F
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

STALE_MESSAGE = gettext_lazy(
    "Someone else changed this record since you opened this page, so your changes have not been saved. "
    "Your changes are still in the form. Check what is saved now, below, then save again if yours "
    "should replace it."
)


class Revisioned(models.Model):
    """Adds `revision`: 0 when created, one more on every save (any save, from any path)."""

    revision = models.PositiveIntegerField(default=0, db_default=0, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if getattr(self, "_revision_claimed", False):
            self._revision_claimed = False  # save_unless_changed has moved it on already
        elif self.pk is not None and not self._state.adding:
            self.revision = (self.revision or 0) + 1
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "revision"}
        super().save(*args, **kwargs)


class StaleEdit(Exception):
    """The record's revision is no longer the one the page was read at. `current` is the record as
    it is now; `changes` lists (field label, value now) for the fields that differ from the save."""

    def __init__(self, current, changes):
        super().__init__(f"{current!r} was changed since it was read")
        self.current = current
        self.changes = changes


def _shown(instance, field):
    display = getattr(instance, f"get_{field.name}_display", None)
    value = display() if display else getattr(instance, field.name)
    if value in (None, ""):
        return _("(blank)")
    if isinstance(value, models.Model):
        return str(value)
    if hasattr(value, "strftime"):
        return value.strftime("%-d/%-m/%Y")
    return str(value)


def save_unless_changed(instance, read_at, fields, shown=None):
    """Save `instance` only if its stored revision is still `read_at`; otherwise raise StaleEdit
    with what the record holds now, and write nothing.

    The check is one conditional UPDATE (`SET revision = revision + 1 WHERE pk = .. AND revision =
    read_at`) that claims the row; the model's own save() then writes it in the same transaction
    (so derived fields and auto_now still work). Of two simultaneous saves only one claim matches:
    on PostgreSQL the second waits on the row lock and then finds the revision moved on.
    `fields` are those the person's form set (compared for the message). `shown` may map a field
    name to a function drawing a stored value for people (phone numbers). `read_at` None (a caller
    with no page: an import, a task): an ordinary save."""
    if read_at is None:
        instance.save()
        return instance
    model = type(instance)
    with transaction.atomic():
        claimed = model._default_manager.filter(pk=instance.pk, revision=read_at).update(revision=F("revision") + 1)
        if claimed:
            instance.revision = read_at + 1
            instance._revision_claimed = True
            instance.save()
            return instance
    current = model._default_manager.get(pk=instance.pk)
    changes = []
    for name in fields:
        field = model._meta.get_field(name)
        if getattr(field, "auto_now", False) or name.endswith("_by") or not field.concrete:
            continue
        if getattr(current, field.attname) != getattr(instance, field.attname):
            draw = (shown or {}).get(name)
            value = draw(getattr(current, field.attname)) if draw else _shown(current, field)
            changes.append((str(field.verbose_name).capitalize(), value or _("(blank)")))
    raise StaleEdit(current, changes)


def save_form_unless_changed(form, read_at):
    """A ModelForm's save(), through save_unless_changed (many-to-many fields after)."""
    instance = form.save(commit=False)
    names = {field.name for field in type(instance)._meta.concrete_fields}
    save_unless_changed(instance, read_at, [name for name in form.fields if name in names])
    form.save_m2m()
    return instance


class RevisionField(forms.IntegerField):
    """The hidden field carrying the revision the page was read at."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("min_value", 0)
        super().__init__(**kwargs)


def with_revision(form, instance):
    """Give `form` the hidden `revision` field, set to the revision of `instance` as read now."""
    form.fields["revision"] = RevisionField(initial=getattr(instance, "revision", 0) if instance else 0)
    layout = getattr(getattr(form, "helper", None), "layout", None)
    if layout is not None and "revision" not in [pointer.name for pointer in layout.get_field_names()]:
        layout.fields.insert(0, "revision")  # crispy draws only the fields its layout names
    return form


def read_at(form, instance):
    """The revision the person's page was read at (the current one when the form did not say)."""
    posted = form.cleaned_data.get("revision")
    return instance.revision if posted is None else posted


def refuse_stale(form, error):
    """Show the form again with the person's values, the message and what is saved now; the hidden
    revision moves on, so a deliberate second save replaces the newer values."""
    form.add_error(None, STALE_MESSAGE)
    for label, value in error.changes:
        form.add_error(None, _("%(field)s is now saved as: %(value)s") % {"field": label, "value": value})
    data = form.data.copy()
    data[form.add_prefix("revision")] = str(error.current.revision)
    form.data = data
    return form
