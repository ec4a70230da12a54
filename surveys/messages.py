"""The words of each delivery (invitation or reminder), in the resident's own language."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import formats, translation
from django.utils.translation import gettext as _

from surveys import easy_read, translations
from surveys.channels import Message, channel_for
from surveys.models import DeliveryKind


def language_of(resident, survey):
    """The resident's language for this survey's emails, texts and letters: theirs when the survey is
    offered in it (its text and the interface complete, surveys.translations), else the site's."""
    details = getattr(resident, "contact_details", None)
    language = details.language if details and details.language else settings.LANGUAGE_CODE
    if language == settings.LANGUAGE_CODE:
        return language
    offered = dict(translations.complete_languages(survey, survey.current_version))
    return language if language in offered else settings.LANGUAGE_CODE


def compose(delivery, link):
    invitation, resident = delivery.invitation, delivery.invitation.resident
    survey = invitation.survey
    language = language_of(resident, survey)
    with translation.override(language):
        title = survey.title_in(language)
        reminder = delivery.kind == DeliveryKind.REMINDER
        subject = _("Reminder: %(title)s") % {"title": title} if reminder else title
        context = {
            "name": resident.full_name,
            "purpose": survey.purpose_in(language),
            "link": link,
            "expires": formats.date_format(invitation.expires_at.date(), "j F Y"),
            "phone": settings.LANDLORD_PHONE,
            "landlord": settings.LANDLORD_NAME,
            "reminder": reminder,
            "subject": subject,
            "language": language,
            # Easy read is named only when the survey has it, and only in English (surveys/easy_read.py).
            "offers_easy_read": easy_read.offered(survey, language),
        }
        words = {"name": resident.full_name, "landlord": settings.LANDLORD_NAME, "survey": title, "link": link,
                 "phone": settings.LANDLORD_PHONE}  # fmt: skip
        if reminder:
            short_text = (
                _(
                    "%(name)s, we have not heard from you yet. Please tell %(landlord)s what you think about "
                    "%(survey)s: %(link)s Questions or another format: call %(phone)s."
                )
                % words
            )
        else:
            short_text = (
                _(
                    "%(name)s, please tell %(landlord)s what you think about %(survey)s: %(link)s "
                    "Questions or another format: call %(phone)s."
                )
                % words
            )
        text = render_to_string("surveys/messages/invitation.txt", context).strip() + "\n"
        html = render_to_string("surveys/messages/invitation.html", context)
    return Message(
        to=channel_for(delivery.channel).address(resident),
        name=resident.full_name,
        language=language,
        subject=subject,
        text=text,
        html=html,
        link=link,
        survey_title=title,
        reference=f"delivery-{delivery.pk}",
        short_text=short_text,
    )
