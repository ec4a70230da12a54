"""The roles people have here, as Django groups, and the permissions each one holds.

Groups are created by a migration (desk/migrations/0002_role_groups.py) and set again to exactly
these permissions after every migrate and flush (core/apps.py), so a permission a role needs is
added below and nothing else. Bundles that several roles hold are named once.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Role:
    slug: str
    name: str  # the Django group name
    summary: str
    permissions: tuple = ()
    is_staff: bool = False  # may use the Django admin


def view_add_change(app, *models):
    """The view, add and change permissions of each model: a bundle of records someone keeps."""
    return tuple(f"{app}.{action}_{model}" for model in models for action in ("view", "add", "change"))


# Scrutiny panels and engagement, as the officers and administrators who run them hold it.
RUNNING_PANELS_AND_ENGAGEMENT = (
    *view_add_change(
        "engagement",
        "scrutinypanel",
        "panelmembership",
        "panelmeeting",
        "scrutinyreview",
        "reviewevidence",
        "recommendation",
        "engagementactivity",
        "anonymouscount",
        "equalityimpactassessment",
    ),
    "engagement.view_every_panel",
    "engagement.draw_shortlist",
    "engagement.view_panelshortlist",
    "engagement.view_representation",
    "engagement.view_outreachsuggestion",
)
# A panel's meetings, reviews and recommendations, read without names (members and analysts).
READING_PANEL_RECORDS = (
    "engagement.view_scrutinypanel",
    "engagement.view_panelmeeting",
    "engagement.view_scrutinyreview",
    "engagement.view_reviewevidence",
    "engagement.view_recommendation",
)

# How to reach a resident, kept up to date by whoever is in touch with them (officers, agents).
KEEPING_CONTACT_DETAILS = (
    "engagement.view_communicationpreference",
    "engagement.change_communicationpreference",
    "engagement.view_contactdetails",
    "engagement.change_contactdetails",
)
# Raising and updating repairs and complaints, for staff who take reports and follow them up.
REPAIRS_AND_COMPLAINTS_DESK = (
    "repairs.view_repairrequest",
    "repairs.view_all_repairs",
    "repairs.add_repairrequest",
    "repairs.change_repairrequest",
    "repairs.record_repair_outcome",
    "repairs.view_complaint",
    "repairs.add_complaint",
    "repairs.change_complaint",
)

HOUSING_OFFICER = Role(
    "housing_officer",
    "Housing officer",
    _("Finds residents, logs every contact and records needs, adjustments and preferences."),
    (
        "engagement.view_home",
        "engagement.view_household",
        "engagement.view_resident",
        "engagement.change_resident",
        "engagement.view_special_category",
        "engagement.view_equalityprofile",
        "engagement.change_equalityprofile",
        "engagement.view_supportneed",
        "engagement.add_supportneed",
        "engagement.change_supportneed",
        "engagement.view_reasonableadjustment",
        "engagement.add_reasonableadjustment",
        "engagement.change_reasonableadjustment",
        "engagement.view_contactrestriction",
        "engagement.add_contactrestriction",
        "engagement.change_contactrestriction",
        *KEEPING_CONTACT_DETAILS,
        "surveys.view_survey",
        "surveys.add_response",
        "surveys.invite_resident",
        *REPAIRS_AND_COMPLAINTS_DESK,
        # Scrutiny panels and engagement: officers run them and record what happens.
        *RUNNING_PANELS_AND_ENGAGEMENT,
        # Make every contact count: log contacts, follow them up, work the patch.
        "desk.view_contact",
        "desk.add_contact",
        "desk.view_followup",
        "desk.change_followup",
        "desk.work_a_patch",
        # Anti-social behaviour cases, opened from a logged contact (NM01).
        "repairs.view_asbcase",
        "repairs.add_asbcase",
        # Officers manage complaints to a decision: they read the year's complaints report.
        "repairs.view_complaintsannualreport",
    ),
)
REPAIRS_OPERATIVE = Role(
    "repairs_operative",
    "Repairs operative",
    _("Sees the day's jobs, records outcomes and raises anything else spotted in the home."),
    (
        "engagement.view_home",
        "engagement.view_household",
        "engagement.view_resident",
        # What an operative must know to visit well: needs, adjustments, how to contact, any
        # restriction. Needs are shown only for the households of their own jobs, and audited.
        "engagement.view_supportneed",
        "engagement.view_reasonableadjustment",
        "engagement.view_contactrestriction",
        "engagement.view_communicationpreference",
        "engagement.view_contactdetails",
        # Their own jobs only (the object-level rule is in repairs/selectors.py).
        "repairs.view_repairrequest",
        "repairs.add_repairrequest",
        "repairs.record_repair_outcome",
        "repairs.work_repair_jobs",
        # An operative in the home logs the visit and anything else spotted or fixed there.
        "desk.view_contact",
        "desk.add_contact",
    ),
)
CONTACT_CENTRE_AGENT = Role(
    "contact_centre_agent",
    "Contact-centre agent",
    _("Answers calls, finds the resident, raises repairs and enters phone survey answers."),
    (
        "engagement.view_home",
        "engagement.view_household",
        "engagement.view_resident",
        "engagement.view_reasonableadjustment",
        "engagement.add_reasonableadjustment",
        "engagement.view_contactrestriction",
        *KEEPING_CONTACT_DETAILS,
        *REPAIRS_AND_COMPLAINTS_DESK,
        "surveys.view_survey",
        "surveys.add_response",
        "surveys.view_invitation",
        "surveys.invite_resident",
        "surveys.view_survey_link",
        "desk.view_contact",
        "desk.add_contact",
    ),
)
PANEL_MEMBER = Role(
    "panel_member",
    "Scrutiny panel member",
    _(
        "Reviews dashboards of dissatisfaction, silences and representation, and writes the panel's "
        "findings. Never sees a named resident."
    ),
    # Reads the panel's own meetings, reviews and recommendations: none of these pages names anyone.
    (
        "inequities.view_dashboards",
        *READING_PANEL_RECORDS,
        # Working as equals: panel members write their own findings, recommendations and comments.
        "engagement.add_panelwriting",
    ),
)
RESIDENT = Role(
    "resident",
    "Resident",
    _("Answers surveys and keeps their own communication preferences up to date."),
    (
        "engagement.manage_own_preferences",
        "engagement.answer_own_equality_questions",
        "surveys.answer_survey",
        "repairs.report_own_repair",
    ),
)
INSIGHT_ANALYST = Role(
    "insight_analyst",
    "Insight analyst",
    _("Reads every dashboard, runs exports and compares figures with public benchmarks."),
    (
        "inequities.view_dashboards",
        "inequities.export_figures",
        "engagement.view_home",
        "engagement.view_region",
        "surveys.view_survey",
        "surveys.view_response",
        "surveys.view_invitation",
        "surveys.add_invitation",
        # Analysts design surveys in the builder, as administrators do.
        "surveys.add_survey",
        "surveys.change_survey",
        # Panel records, activities and representation, all without names.
        "engagement.view_every_panel",
        *READING_PANEL_RECORDS,
        "engagement.view_engagementactivity",
        "engagement.view_representation",
        "engagement.view_equalityimpactassessment",
        "engagement.view_outreachsuggestion",
    ),
)
ADMINISTRATOR = Role(
    "administrator",
    "Administrator",
    _("Manages users and roles, survey design and imports."),
    (
        "inequities.view_dashboards",
        "inequities.export_figures",
        "auth.view_user",
        "auth.add_user",
        "auth.change_user",
        "auth.view_group",
        "auth.change_group",
        "engagement.view_home",
        "engagement.add_home",
        "engagement.change_home",
        "engagement.view_household",
        "engagement.add_household",
        "engagement.change_household",
        "engagement.view_resident",
        "engagement.add_resident",
        "engagement.change_resident",
        "engagement.view_region",
        "core.import_data",
        # Patches: which housing officer looks after which homes.
        "desk.assign_patches",
        "core.view_importbatch",
        # Reads the audit of sensitive data in the admin; nobody holds change or delete for it.
        "engagement.view_auditentry",
        # Answers residents' data-rights requests: subject access and erasure, both audited.
        "engagement.export_resident_data",
        "engagement.erase_resident",
        # Turns off two-factor sign-in for someone who lost their phone (deletes their device).
        "otp_totp.view_totpdevice",
        "otp_totp.delete_totpdevice",
        # Unlocks an account paused after wrong passwords (deleting its failed attempts).
        "axes.view_accessattempt",
        "axes.delete_accessattempt",
        "surveys.view_survey",
        "surveys.add_survey",
        "surveys.change_survey",
        "surveys.view_surveyapproach",
        "surveys.add_surveyapproach",
        "surveys.change_surveyapproach",
        "surveys.view_surveyversion",
        "surveys.add_surveyversion",
        "surveys.change_surveyversion",
        "surveys.view_question",
        "surveys.add_question",
        "surveys.change_question",
        "surveys.delete_question",
        "surveys.view_response",
        "surveys.add_response",
        "surveys.view_invitation",
        "surveys.add_invitation",
        "surveys.view_survey_link",
        *RUNNING_PANELS_AND_ENGAGEMENT,
        "engagement.add_outreachsuggestion",
        "engagement.change_outreachsuggestion",
        # The respectful-language word list is data the administrator keeps up to date.
        "core.view_languagerule",
        "core.add_languagerule",
        "core.change_languagerule",
        "core.delete_languagerule",
        "desk.view_languageflag",
        # The Complaint Handling Code's annual report: the self-assessment and the governing body's response.
        "repairs.view_complaintsannualreport",
        "repairs.add_complaintsannualreport",
        "repairs.change_complaintsannualreport",
    ),
    is_staff=True,
)

ROLES = (
    HOUSING_OFFICER,
    REPAIRS_OPERATIVE,
    CONTACT_CENTRE_AGENT,
    PANEL_MEMBER,
    RESIDENT,
    INSIGHT_ANALYST,
    ADMINISTRATOR,
)
ROLES_BY_NAME = {role.name: role for role in ROLES}


def role_of(user):
    """The user's main role: the first of ROLES they hold, or None. Remembered on the user object,
    which lives for one request, so the layout and the view ask the database once between them."""
    if not user.is_authenticated:
        return None
    if not hasattr(user, "_main_role"):
        names = {group.name for group in user.groups.all()}
        user._main_role = next((role for role in ROLES if role.name in names), None)
    return user._main_role


def sync_roles(apps=None, strict=True):
    """Create each role's group and give it exactly the permissions listed above.

    Runs in the roles migration (with the historical app registry, where permissions of models
    added by later migrations do not exist yet: strict=False skips those) and after every
    migrate or flush (post_migrate, strict), so the groups always match this file.
    """
    if apps is None:
        from django.apps import apps as global_apps

        apps = global_apps
    _create_missing_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    # Every permission in one query (one a role looked up one by one cost 1.2 s after each flush:
    # about a third of every browser test's teardown).
    existing = {
        f"{app_label}.{codename}": pk
        for pk, app_label, codename in Permission.objects.values_list("pk", "content_type__app_label", "codename")
    }
    for role in ROLES:
        group, _created = Group.objects.get_or_create(name=role.name)
        missing = [dotted for dotted in role.permissions if dotted not in existing]
        if missing and strict:
            raise LookupError(f"Role {role.name!r} names a permission that does not exist: {missing[0]}")
        group.permissions.set([existing[dotted] for dotted in role.permissions if dotted in existing])


def _create_missing_permissions(apps):
    # Permissions are normally created after all migrations run; a data migration needs them now.
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        historical = getattr(app_config, "models_module", None) is None
        if historical:
            app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        if historical:
            app_config.models_module = None
