"""Persoonsgegevens in the admin menu, for those who may use it."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem

from neighbourhood.privacy.views import may_manage_personal_data


class PersonalDataMenuItem(MenuItem):
    def is_shown(self, request):
        return may_manage_personal_data(request.user)


def menu_item() -> MenuItem:
    return PersonalDataMenuItem(
        _("Persoonsgegevens"),
        reverse_lazy("personal_data:search"),
        name="persoonsgegevens",
        icon_name="lock",
        order=900,
    )
