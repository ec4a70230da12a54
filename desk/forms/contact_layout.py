"""The log-a-contact form's layout: the contact, a revealed section per prompt offered, and the
follow-up actions. Each piece is built by its own function, so a new prompt adds one entry."""

from crispy_forms_gds.layout import HTML, Field, Fieldset, Layout, Size
from django.utils.translation import gettext_lazy as _

from core.forms.cached import cached
from desk.forms.reveal import Reveal, RevealedByCheckboxes
from desk.models import Prompt

NEEDS_FIELDS = ("need_category", "need_description", "need_review_by", "adjustment_request", "adjustment_requested_by")


def contact_layout(fields, offered, answers_of, follow_up_slots):
    """The form's parts, in page order. `fields` are the form's fields (some prompts' fields are
    removed for a user who may not record them); `answers_of` is {prompt: the fields answering it}."""
    # Each field's markup is kept by what it shows (core/forms/cached.py): most of the page's time
    # was crispy-forms rendering the same fields the same way.
    return [
        cached(part)
        for part in (*_the_contact(), _while_in_touch(fields, offered, answers_of), _follow_ups(follow_up_slots))
    ]


def _the_contact():
    return [
        Field.radios("about", small=True),
        Field("occurred_on"),
        Field.text("occurred_time", field_width=5),
        Field.select("channel"),
        Field.select("made_as"),
        Field.text("purpose"),
        Field.textarea("notes"),
        HTML('{% include "core/_language_check.html" with field_name="notes" %}'),
        Field("notes_as_flagged"),
        Field("once"),
    ]


def _prompt_section(prompt, fields):
    if prompt == Prompt.REPAIRS:
        return [
            HTML('{% include "desk/contacts/_open_repairs.html" %}'),
            Field.textarea("repair_description"),
            Field.select("repair_category"),
            Field.radios("repair_priority", small=True, inline=True),
            Field.radios("repair_hazard", small=True),
            Field.checkbox("repair_fixed", small=True),
        ]
    if prompt == Prompt.WARMTH:
        return [
            Field.radios("can_heat_home", small=True),
            Field.radios("cold_or_damp", small=True, inline=True),
            Field.text("warmth_referral"),
        ]
    if prompt == Prompt.HAPPINESS:
        return [Field.radios("happiness", small=True)]
    if prompt == Prompt.NEEDS:
        return [
            Field.select(name) if name == "need_category" else Field(name) for name in NEEDS_FIELDS if name in fields
        ]
    if prompt == Prompt.COMMUNICATION:
        return [
            HTML('{% include "desk/contacts/_current_preferences.html" %}'),
            Field.radios("preferences_still_right", small=True, inline=True),
        ]
    if prompt == Prompt.EQUALITY:
        return [
            HTML('{% include "desk/contacts/_equality_prompt.html" %}'),
            Field.radios("equality_outcome", small=True),
        ]
    raise ValueError(f"No layout for the prompt {prompt!r}")


def _while_in_touch(fields, offered, answers_of):
    reveals = [
        Reveal(f"asked_{prompt}", Layout(*_prompt_section(prompt, fields)), answers=answers_of[prompt])
        for prompt in offered
    ]
    return RevealedByCheckboxes(
        *reveals,
        legend=_("While you are in touch"),
        legend_size=Size.for_legend(Size.SMALL),
        intro=HTML('{% include "desk/contacts/_prompts_intro.html" %}'),
    )


def _follow_ups(slots):
    follow_ups = [
        Fieldset(
            Field.text(f"follow_up_{slot}_action"),
            Field.select(f"follow_up_{slot}_owner"),
            Field(f"follow_up_{slot}_due"),
            legend=_("Follow-up %(number)s") % {"number": slot},
            legend_size=Size.SMALL,
        )
        for slot in slots
    ]
    return RevealedByCheckboxes(
        Reveal("has_follow_ups", Layout(*follow_ups), answers=[f"follow_up_{slot}_action" for slot in slots]),
        legend=_("Follow-up actions"),
        legend_size=Size.for_legend(Size.SMALL),
    )
