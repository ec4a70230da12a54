"""The starting list for the respectful-language check, written for a UK social landlord.

Administrators change it in the browser (Django admin, "Language rules"); switching a rule off
("In use") is better than deleting it. Each rule says what to write instead and why, so the check
teaches rather than polices. Seeded by core's migration 0002, and again after a flush when the table is
empty (see apps.py), so a test database that was emptied gets the list back.
"""

OFFICES = "landlord, we, us, our, contractor, contractors, council, company, office, manager, officer, operative, staff"

# (phrase, suggested alternative, why, unless preceded by, unless followed by)
RULES = [
    (
        "lifestyle*",
        "Describe what you saw, for example: clothes dried indoors because there is nowhere else to dry them.",
        "Putting damp, mould or wear down to a household's lifestyle blames them before the home has been "
        "checked. Most damp and mould has a cause in the building, and it is ours to find.",
        "",
        "",
    ),
    (
        "non-engag*",
        "Say what we tried and when, for example: no reply to letters on 3 and 17 March; not yet tried a call or visit.",
        "It makes the person the problem. Often we have not yet offered a way of getting in touch that works for them.",
        "",
        "",
    ),
    (
        "hard to reach",
        "Say 'we have not yet reached' or 'seldom heard', and what might work.",
        "It is our ways of reaching people that are failing, not the people. Naming what we tried shows what to try next.",
        "stopcock, loft, hatch, boiler, valve, meter, tap, fuse, cupboard, pipe, pipes, gutter, gutters, window, windows",
        "",
    ),
    (
        "refus* access",
        "Record what happened and what the resident said, for example: no answer at 10am, card left; "
        "or: asked us to come back after her hospital appointment.",
        "Written as a fact about the resident, it reads as if they are blocking the repair. There is usually a "
        "reason: the time we offered, no notice, a bad past visit, a health condition. The record should show it.",
        OFFICES,
        "",
    ),
    (
        "refus* entry",
        "Record what happened and what the resident said, and what we will do next.",
        "Like 'refused access', it reads as blame and hides the reason, which is what we need to know to get the "
        "work done.",
        OFFICES,
        "",
    ),
    (
        "vulnerable",
        "Say what the person needs from us, for example: call before visiting; speak slowly; visit with a colleague.",
        "A label tells a colleague nothing about what to do, and needs change over time. Record the need and when "
        "to review it. ('Vulnerable to falls' describes a risk and is not flagged.)",
        "",
        "to",
    ),
    (
        "aggressive",
        "Describe what was said or done, for example: raised his voice and said he would go to the Ombudsman.",
        "'Aggressive' is an opinion that follows a person through their records. A description lets others "
        "judge, and frustration about a repair that is late is not aggression.",
        "",
        "mould, damp, dog, dogs",
    ),
    (
        "kick* off",
        "Describe what was said or done, and what led up to it.",
        "Slang like this judges the person and leaves out what happened.",
        "",
        "meeting",
    ),
    (
        "difficult tenant*",
        "Say what the disagreement is about, for example: disagrees with our decision on the kitchen.",
        "Calling a person difficult follows them to every colleague who reads the file; the disagreement may be fair.",
        "",
        "",
    ),
    (
        "demanding",
        "Say what they asked for and how often, for example: has called four times about the same leak.",
        "Asking again about a repair we have not done is reasonable. The word makes a fair request sound unreasonable.",
        "",
        "payment",
    ),
    (
        "serial complainer",
        "Say how many complaints and what about, for example: four complaints this year about the same leak.",
        "Repeated complaints usually mean the problem has not been put right. They are evidence, not a personality.",
        "",
        "",
    ),
    (
        "time waster*",
        "Say what the contact was about and what came of it.",
        "Everyone who contacts us has a reason. Dismissing them makes it less likely they will tell us next time.",
        "",
        "",
    ),
    (
        "chaotic",
        "Describe what is happening and what support could help, for example: has missed three appointments "
        "since her partner died.",
        "It judges the whole person. A description shows what has changed and what we could do.",
        "",
        "",
    ),
    (
        "uncooperative",
        "Say what we asked, what the resident said, and why if you know.",
        "It sounds like a fact but is an opinion, and it hides the reason, which is what we need to know.",
        "",
        "",
    ),
    (
        "non-complian*",
        "Say which part of the tenancy or plan is not being kept to, and what the resident said about it.",
        "The word sounds like an offence. A plain description is fairer and more useful.",
        "",
        "",
    ),
    (
        "problem famil*",
        "Describe the specific concern, and the support in place.",
        "It labels a whole household, children included, and follows them to any new home.",
        "",
        "",
    ),
    (
        "these people",
        "Name who you mean, for example: residents in the tower blocks.",
        "It sets residents apart from us, as if they were a different kind of person.",
        "",
        "",
    ),
    (
        "hoarder",
        "Describe the effect on safety or on the work, for example: boxes stop us reaching the boiler. "
        "Think about whether support is needed.",
        "Hoarding can be part of a health condition. A label shames; a description says what needs to happen.",
        "",
        "",
    ),
    (
        "the elderly",
        "Say 'older residents' or give the age group.",
        "It lumps people together as frail and dependent, which most older residents are not.",
        "",
        "",
    ),
    (
        "wheelchair bound",
        "Say 'uses a wheelchair'.",
        "A wheelchair gives a person freedom; it does not confine them.",
        "",
        "",
    ),
    (
        "claim* that",
        "Say 'said that', and record what we found.",
        "'Claims' signals that we do not believe the resident. Record what they told us, then what we found.",
        "",
        "",
    ),
]


def seed_language_rules(apps=None):
    """Add the starting list when there are no rules at all (never re-adds one an administrator removed)."""
    if apps is None:
        from django.apps import apps as global_apps

        apps = global_apps
    LanguageRule = apps.get_model("core", "LanguageRule")
    if LanguageRule.objects.exists():
        return
    LanguageRule.objects.bulk_create(
        LanguageRule(phrase=phrase, alternative=alternative, why=why, unless_preceded_by=before,
                     unless_followed_by=after)
        for phrase, alternative, why, before, after in RULES
    )  # fmt: skip
