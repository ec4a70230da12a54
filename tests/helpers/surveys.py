from surveys import services
from surveys.models import Invitation


def invite(survey, *residents):
    """Invite the residents as the service does; {resident pk: their invitation}."""
    services.invitations_create(survey=survey, residents=residents)
    return {i.resident_id: i for i in Invitation.objects.filter(survey=survey)}
