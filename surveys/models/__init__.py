from .definitions import Question, Survey, SurveyVersion
from .invitations import Invitation, InvitationChannel
from .responses import Answer, Response

__all__ = ["Answer", "Invitation", "InvitationChannel", "Question", "Response", "Survey", "SurveyVersion"]
