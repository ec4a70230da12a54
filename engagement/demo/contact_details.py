"""Demo contact details: emails at example.org and numbers from Ofcom's ranges kept for drama
(mobiles 07700 900000-900999, Leeds landlines 0113 496 0000-0999), so no real person is ever reached."""

import random

from engagement.models import CommunicationPreference, ContactDetails, DetailSource


def seed_contact_details(landlord):
    # A generator of its own, so the steps after this one draw the same numbers as before it existed.
    rng = random.Random(f"contact-details-{len(landlord.residents)}")
    offline = set(CommunicationPreference.objects.filter(no_internet=True).values_list("resident_id", flat=True))
    rows = []
    for number, resident in enumerate(landlord.residents):
        if not resident.is_lead_tenant and rng.random() < 0.5:
            continue
        online = resident.pk not in offline
        email = online and rng.random() < 0.85
        mobile = rng.random() < (0.85 if online else 0.55)
        landline = rng.random() < (0.3 if online else 0.6)
        rows.append(
            ContactDetails(
                resident=resident,
                email=f"{resident.first_name}.{resident.last_name}.{resident.pk}@example.org".lower() if email else "",
                email_source=rng.choice([DetailSource.IMPORT, DetailSource.STAFF, DetailSource.RESIDENT])
                if email
                else "",
                email_confirmed_on=landlord.today if email else None,
                mobile_phone=f"+447700900{number % 1000:03d}" if mobile else "",
                mobile_source=DetailSource.IMPORT if mobile else "",
                mobile_confirmed_on=landlord.today if mobile else None,
                landline_phone=f"+441134960{number % 1000:03d}" if landline else "",
                landline_source=DetailSource.IMPORT if landline else "",
                landline_confirmed_on=landlord.today if landline else None,
            )
        )
    ContactDetails.objects.bulk_create(rows, batch_size=2000)
    emails = sum(1 for row in rows if row.email)
    mobiles = sum(1 for row in rows if row.mobile_phone)
    return f"Contact details: {len(rows)} residents, {emails} with an email address, {mobiles} with a mobile."
