"""Vrijwilligers: coordinators invite people to their WOPs, remove them and
let trusted volunteers publish; city-wide coordinators also appoint the
coordinators of particular WOPs. Every view works within
``volunteer_manageable_wops``: a WOP or person outside it is a 404.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
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

from neighbourhood.models import WopRole
from neighbourhood.volunteers.forms import VolunteerInviteForm
from neighbourhood.volunteers.invitations import volunteer_invite
from neighbourhood.volunteers.selectors import (
    MANAGE_VOLUNTEERS,
    volunteer_manageable_wops,
    volunteer_may_manage_coordinators,
    volunteer_roles,
    volunteers_by_wop,
    wop_reviewers_summary,
    wop_titles,
)
from neighbourhood.volunteers.services import (
    VolunteerError,
    volunteer_coordinator_set,
    volunteer_publish_set,
    volunteer_remove,
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

    def get_member(self, wop) -> AbstractBaseUser:
        """A person in one of ``wop``'s groups; anyone else is a 404."""
        return get_object_or_404(
            get_user_model().objects.filter(groups__wop_role__wop=wop).distinct(),
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
