"""Vrijwilligers: coordinators invite people to their WOPs, remove them and
let trusted volunteers publish; city-wide coordinators also appoint the
coordinators of particular WOPs. Every view works within
``volunteer_manageable_wops``: a WOP or person outside it is a 404.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView, View
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.log_actions import LogFormatter

from neighbourhood.models import User, WopRole
from neighbourhood.services.volunteers import (
    MANAGE_VOLUNTEERS,
    VolunteerError,
    volunteer_coordinator_set,
    volunteer_invite,
    volunteer_manageable_wops,
    volunteer_may_manage_coordinators,
    volunteer_publish_set,
    volunteer_remove,
    volunteer_roles,
    volunteers_by_wop,
    wop_reviewers_summary,
    wop_titles,
)

ROLE_LABELS = {
    "volunteer": gettext_lazy("Vrijwilliger"),
    "publisher": gettext_lazy("Publiceert zelf"),
    "coordinator": gettext_lazy("Coördinator"),
}


def _role_label(member) -> str:
    if member.is_coordinator:
        return ROLE_LABELS["coordinator"]
    if member.may_publish:
        return ROLE_LABELS["publisher"]
    return ROLE_LABELS["volunteer"]


class VolunteerInviteForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("E-mailadres"),
        error_messages={
            "required": gettext_lazy("Vul het e-mailadres in."),
            "invalid": gettext_lazy(
                "Dit is geen geldig e-mailadres. Een e-mailadres ziet eruit als "
                "naam@voorbeeld.nl."
            ),
        },
    )
    name = forms.CharField(
        label=gettext_lazy("Naam"),
        max_length=150,
        error_messages={"required": gettext_lazy("Vul de naam in.")},
    )
    wops = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Wijken"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": gettext_lazy("Kies minstens één wijk."),
            "invalid_choice": gettext_lazy("Kies alleen wijken uit de lijst."),
            "invalid_pk_value": gettext_lazy("Kies alleen wijken uit de lijst."),
        },
    )
    may_publish = forms.BooleanField(
        label=gettext_lazy("Mag zelf publiceren"),
        required=False,
        help_text=gettext_lazy(
            "Pagina's van de wijk gaan dan direct online, zonder dat een "
            "coördinator ze eerst bekijkt. Alleen voor vrijwilligers die u goed kent."
        ),
    )

    role = forms.ChoiceField(
        label=gettext_lazy("Rol"),
        choices=[
            (WopRole.VOLUNTEERS, gettext_lazy("Vrijwilliger")),
            (WopRole.COORDINATORS, gettext_lazy("Coördinator van deze wijk(en)")),
        ],
        initial=WopRole.VOLUNTEERS,
        required=False,
        widget=forms.RadioSelect,
        help_text=gettext_lazy(
            "Een coördinator van een wijk bekijkt en publiceert de pagina's van "
            "die wijk en krijgt de verzoeken om controle. Daarvoor is "
            "‘Mag zelf publiceren’ niet nodig."
        ),
        error_messages={"invalid_choice": gettext_lazy("Kies een rol uit de lijst.")},
    )

    def __init__(self, *args, wops, may_appoint_coordinators=False, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the coordinator's own WOPs are offered, and only they validate.
        self.fields["wops"].queryset = wops.order_by("title")
        self.may_appoint_coordinators = may_appoint_coordinators

    def clean_role(self):
        role = self.cleaned_data.get("role") or WopRole.VOLUNTEERS
        if role == WopRole.COORDINATORS and not self.may_appoint_coordinators:
            raise forms.ValidationError(
                _(
                    "U kunt iemand alleen als vrijwilliger uitnodigen. Alleen "
                    "coördinatoren van de hele stad maken iemand coördinator "
                    "van een wijk."
                )
            )
        return role


class VolunteerAdminMixin:
    """Only for people who manage volunteers; everything within their WOPs."""

    index_url_name = None
    invite_url_name = None
    remove_url_name = None
    publish_url_name = None
    coordinator_url_name = None

    def dispatch(self, request, *args, **kwargs):
        if not self.manageable_wops.exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def manageable_wops(self):
        return volunteer_manageable_wops(user=self.request.user)

    def get_wop(self):
        return get_object_or_404(self.manageable_wops, pk=self.kwargs["wop_id"])

    def get_member(self, wop) -> User:
        """A person in one of ``wop``'s groups; anyone else is a 404."""
        return get_object_or_404(
            User.objects.filter(groups__wop_role__wop=wop).distinct(),
            pk=self.kwargs["user_id"],
        )

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": _("Vrijwilligers")},
            {"url": "", "label": self.get_page_title()},
        ]


class VolunteerIndexView(VolunteerAdminMixin, WagtailAdminTemplateMixin, TemplateView):
    """Per WOP: who works there, in which role, when they last logged in."""

    template_name = "neighbourhood/admin/volunteers_index.html"
    page_title = gettext_lazy("Vrijwilligers")
    header_icon = "group"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    @cached_property
    def header_buttons(self):
        return [
            HeaderButton(
                _("Iemand uitnodigen"),
                url=reverse(self.invite_url_name),
                icon_name="plus",
            )
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        may_remove_coordinators = volunteer_may_manage_coordinators(
            user=self.request.user
        )
        context["may_appoint_coordinators"] = may_remove_coordinators
        context["wops"] = [
            {
                "wop": wop,
                "panel_id": f"wop-{wop.pk}",
                "invite_url": f"{reverse(self.invite_url_name)}?wop={wop.pk}",
                "reviewers": wop_reviewers_summary(wop=wop),
                "members": [
                    {
                        "user": member.user,
                        "role": _role_label(member),
                        "is_coordinator": member.is_coordinator,
                        "may_publish": member.may_publish,
                        "is_volunteer": WopRole.VOLUNTEERS in member.roles,
                        "may_remove": may_remove_coordinators
                        or not member.is_coordinator,
                        "remove_url": reverse(
                            self.remove_url_name, args=[wop.pk, member.user.pk]
                        ),
                        "publish_url": reverse(
                            self.publish_url_name, args=[wop.pk, member.user.pk]
                        ),
                        "coordinator_url": reverse(
                            self.coordinator_url_name, args=[wop.pk, member.user.pk]
                        ),
                    }
                    for member in members
                ],
            }
            for wop, members in volunteers_by_wop(wops=self.manageable_wops)
        ]
        return context


class VolunteerInviteView(VolunteerAdminMixin, WagtailAdminTemplateMixin, FormView):
    """Iemand uitnodigen: e-mail, name, WOPs (the coordinator's own) and
    whether they may publish."""

    template_name = "neighbourhood/admin/volunteers_invite.html"
    page_title = gettext_lazy("Iemand uitnodigen")
    header_icon = "mail"
    form_class = VolunteerInviteForm

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "wops": self.manageable_wops,
            "may_appoint_coordinators": volunteer_may_manage_coordinators(
                user=self.request.user
            ),
        }

    def get_initial(self):
        wop_id = self.request.GET.get("wop", "")
        wops = self.manageable_wops
        if wop_id.isdigit():
            wops = wops.filter(pk=wop_id)
        elif wops.count() != 1:
            return {}
        return {"wops": list(wops)}

    def form_valid(self, form):
        data = form.cleaned_data
        result = volunteer_invite(
            email=data["email"],
            name=data["name"],
            wops=list(data["wops"]),
            by=self.request.user,
            may_publish=data["may_publish"],
            role=data["role"],
        )
        as_coordinator = result.role == WopRole.COORDINATORS
        # Only what the coordinator typed: never the name of an account that
        # exists already, nor whether it does (it is asked to accept).
        email = result.email
        invited = result.added if result.created else result.invited
        if invited:
            message = (
                _("Uitnodiging als coördinator verstuurd naar %(email)s voor %(wops)s.")
                if as_coordinator
                else _("Uitnodiging verstuurd naar %(email)s voor %(wops)s.")
            )
            messages.success(
                self.request, message % {"email": email, "wops": wop_titles(invited)}
            )
        if result.added and not result.created:
            # Someone who works in these WOPs already, so listed there.
            message = (
                _("%(person)s had al een account en is nu coördinator van %(wops)s.")
                if as_coordinator
                else _("%(person)s had al een account en is toegevoegd aan %(wops)s.")
            )
            messages.success(
                self.request,
                message % {"person": email, "wops": wop_titles(result.added)},
            )
        if result.already:
            message = (
                _("%(person)s is al coördinator van %(wops)s. Daar is niets veranderd.")
                if as_coordinator
                else _("%(person)s staat al bij %(wops)s. Daar is niets veranderd.")
            )
            messages.warning(
                self.request,
                message % {"person": email, "wops": wop_titles(result.already)},
            )
        return redirect(self.index_url_name)


class VolunteerRemoveView(VolunteerAdminMixin, WagtailAdminTemplateMixin, TemplateView):
    """Remove someone from one WOP, after a confirmation (a POST)."""

    template_name = "neighbourhood/admin/volunteers_remove.html"
    page_title = gettext_lazy("Verwijderen uit de wijk")
    header_icon = "bin"

    @cached_property
    def target(self):
        wop = self.get_wop()
        member = self.get_member(wop)
        roles = volunteer_roles(user=member, wop=wop)
        if WopRole.COORDINATORS in roles and not volunteer_may_manage_coordinators(
            user=self.request.user
        ):
            # A WOP's coordinator cannot take a colleague off the WOP.
            raise PermissionDenied
        return wop, member

    def get_page_subtitle(self):
        wop, member = self.target
        return f"{member} – {wop.title}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        wop, member = self.target
        context.update(
            wop=wop,
            member=member,
            cancel_url=reverse(self.index_url_name),
        )
        return context

    def post(self, request, *args, **kwargs):
        wop, member = self.target
        volunteer_remove(user=member, wop=wop, by=request.user)
        messages.success(
            request,
            _("%(person)s is verwijderd uit %(wop)s en kan daar niet meer bij.")
            % {"person": member, "wop": wop.title},
        )
        return redirect(self.index_url_name)


class VolunteerPublishView(VolunteerAdminMixin, View):
    """Mag zelf publiceren, on or off (a POST from the list)."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        wop = self.get_wop()
        member = self.get_member(wop)
        may_publish = request.POST.get("may_publish") == "1"
        try:
            volunteer_publish_set(
                user=member, wop=wop, may_publish=may_publish, by=request.user
            )
        except VolunteerError as error:
            messages.error(request, str(error))
            return redirect(self.index_url_name)
        message = (
            _("%(person)s mag nu zelf pagina's van %(wop)s publiceren.")
            if may_publish
            else _("Pagina's van %(person)s in %(wop)s worden weer eerst bekeken.")
        )
        messages.success(request, message % {"person": member, "wop": wop.title})
        return redirect(self.index_url_name)


class VolunteerCoordinatorView(VolunteerAdminMixin, View):
    """Coördinator van de wijk maken, or no longer (a POST from the list); for
    city-wide coordinators only."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        wop = self.get_wop()
        member = self.get_member(wop)
        if not volunteer_may_manage_coordinators(user=request.user):
            messages.error(
                request,
                _(
                    "Alleen coördinatoren van de hele stad maken iemand "
                    "coördinator van een wijk, of nemen die rol weer af. Er is "
                    "niets veranderd."
                ),
            )
            return redirect(self.index_url_name)
        is_coordinator = request.POST.get("is_coordinator") == "1"
        try:
            volunteer_coordinator_set(
                user=member, wop=wop, is_coordinator=is_coordinator, by=request.user
            )
        except VolunteerError as error:
            messages.error(request, str(error))
            return redirect(self.index_url_name)
        message = (
            _(
                "%(person)s is nu coördinator van %(wop)s en krijgt de verzoeken "
                "om controle van die wijk."
            )
            if is_coordinator
            else _(
                "%(person)s is geen coördinator meer van %(wop)s, maar blijft "
                "vrijwilliger. Pagina's van %(person)s worden weer eerst bekeken."
            )
        )
        messages.success(request, message % {"person": member, "wop": wop.title})
        return redirect(self.index_url_name)


class VolunteerMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(MANAGE_VOLUNTEERS)


class VolunteerViewSet(ViewSet):
    name = "volunteers"
    url_prefix = "vrijwilligers"
    icon = "group"
    menu_label = gettext_lazy("Vrijwilligers")
    menu_order = 800
    add_to_admin_menu = True
    menu_item_class = VolunteerMenuItem

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            index_url_name=self.get_url_name("index"),
            invite_url_name=self.get_url_name("invite"),
            remove_url_name=self.get_url_name("remove"),
            publish_url_name=self.get_url_name("publish"),
            coordinator_url_name=self.get_url_name("coordinator"),
            **kwargs,
        )

    def get_urlpatterns(self):
        return [
            path("", self.construct_view(VolunteerIndexView), name="index"),
            path(
                "uitnodigen/",
                self.construct_view(VolunteerInviteView),
                name="invite",
            ),
            path(
                "<int:wop_id>/<int:user_id>/verwijderen/",
                self.construct_view(VolunteerRemoveView),
                name="remove",
            ),
            path(
                "<int:wop_id>/<int:user_id>/publiceren/",
                self.construct_view(VolunteerPublishView),
                name="publish",
            ),
            path(
                "<int:wop_id>/<int:user_id>/coordinator/",
                self.construct_view(VolunteerCoordinatorView),
                name="coordinator",
            ),
        ]


volunteer_viewset = VolunteerViewSet()


# History -------------------------------------------------------------------


class VolunteerInviteFormatter(LogFormatter):
    label = gettext_lazy("Uitgenodigd als vrijwilliger")

    def format_message(self, log_entry):
        template = (
            _("Uitgenodigd als coördinator van %(wops)s")
            if log_entry.data.get("role") == WopRole.COORDINATORS
            else _("Uitgenodigd als vrijwilliger bij %(wops)s")
        )
        return template % {"wops": ", ".join(log_entry.data.get("wops", [])) or "?"}


class VolunteerAcceptFormatter(LogFormatter):
    label = gettext_lazy("Uitnodiging aangenomen")

    def format_message(self, log_entry):
        template = (
            _("Heeft de uitnodiging als coördinator van %(wops)s aangenomen")
            if log_entry.data.get("role") == WopRole.COORDINATORS
            else _("Heeft de uitnodiging als vrijwilliger bij %(wops)s aangenomen")
        )
        return template % {"wops": ", ".join(log_entry.data.get("wops", [])) or "?"}


class VolunteerRemoveFormatter(LogFormatter):
    label = gettext_lazy("Verwijderd uit een wijk")

    def format_message(self, log_entry):
        return _("Verwijderd uit %(wop)s") % {"wop": log_entry.data.get("wop", "?")}


class VolunteerPublishFormatter(LogFormatter):
    label = gettext_lazy("Zelf publiceren gewijzigd")

    def format_message(self, log_entry):
        template = (
            _("Mag zelf publiceren in %(wop)s")
            if log_entry.data.get("may_publish")
            else _("Mag niet meer zelf publiceren in %(wop)s")
        )
        return template % {"wop": log_entry.data.get("wop", "?")}


class VolunteerCoordinatorFormatter(LogFormatter):
    label = gettext_lazy("Coördinator van een wijk gewijzigd")

    def format_message(self, log_entry):
        template = (
            _("Coördinator gemaakt van %(wop)s")
            if log_entry.data.get("is_coordinator")
            else _("Geen coördinator meer van %(wop)s")
        )
        return template % {"wop": log_entry.data.get("wop", "?")}
