"""What the desk's pages show, from what their views found."""

from desk.models import Prompt
from repairs.selectors import household_summary


def contact_page(*, form, resident, job, offered, held_back, review):
    """The log-a-contact page: the form, who it is about, the prompts held back and why, any
    language to look at again, and what the open prompts show (repairs, preferences)."""
    household = resident.household
    return {
        "form": form,
        "resident": resident,
        "household": household,
        "job": job,
        "held_back": [(Prompt(prompt).label, when) for prompt, when in held_back.items()],
        "language_findings": review.findings if review and review.needs_review else [],
        "repairs_summary": household_summary(household) if Prompt.REPAIRS in offered else None,
        "preference": getattr(resident, "communication_preference", None),
    }
