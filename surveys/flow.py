"""The path one respondent takes through a survey version: what is asked, what comes next."""

from surveys.routing import is_asked, is_kept, questions_asked


class Flow:
    def __init__(self, response):
        self.response = response
        self.questions = list(response.version.questions.all())
        self.answers = {answer.question.code: answer.value for answer in response.answers.select_related("question")}
        self.home = response.resident.household.home

    @property
    def asked(self):
        return questions_asked(self.questions, self.answers, self.home)

    def question(self, code):
        return next((question for question in self.asked if question.code == code), None)

    def after(self, code):
        asked = self.asked
        codes = [question.code for question in asked]
        position = codes.index(code) if code in codes else -1
        return asked[position + 1] if position + 1 < len(asked) else None

    def before(self, code):
        asked = self.asked
        codes = [question.code for question in asked]
        position = codes.index(code) if code in codes else 0
        return asked[position - 1] if position > 0 else None

    def missing(self):
        """Questions asked of this respondent that still need an answer."""
        return [q for q in self.asked if q.required and q.code not in self.answers]

    def first_unanswered(self):
        return next((q for q in self.asked if q.code not in self.answers), None)

    def depending_on_answers_to_come(self):
        """Questions that may yet be asked: they follow a question not answered yet.

        The progress line counts only the questions that will be asked given the answers so far,
        and says when some of these are still to be decided."""
        asked = {question.code for question in self.asked}
        return [
            question
            for question in self.questions
            if question.code not in asked
            and question.asked_if_code
            and question.asked_if_code not in self.answers
            and is_asked(question, {question.asked_if_code: question.asked_if_answer}, self.home)
        ]

    def not_asked_codes(self):
        kept = {question.code for question in self.questions if is_kept(question, self.answers, self.home)}
        return [code for code in self.answers if code not in kept]
