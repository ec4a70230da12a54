"""Factories for the parts every app stands on: users in a role, import batches."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from core.models import ImportBatch

PASSWORD = "a-long-test-password-41"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def role(user, create, role, **kwargs):
        """UserFactory(role=HOUSING_OFFICER) puts the user in that role's group."""
        if role is not None:
            user.is_staff = role.is_staff
            user.groups.add(Group.objects.get(name=role.name))
        user.save()


class ImportBatchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImportBatch

    kind = "homes"
    file_name = "homes.csv"
    content = ""
    uploaded_by = factory.SubFactory(UserFactory)
