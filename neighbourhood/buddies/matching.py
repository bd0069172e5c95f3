"""Matching in the buddy projects' admin: "Zoek een maatje" (the ranked
buddies for a seeker, each with a button to match them) and "Navragen" (how
a match is going). Scoped to the user's WOPs like every view in
``buddies.viewsets``.
"""

import django_filters
from django.contrib.admin.utils import quote
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.base import BaseObjectMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets import BooleanRadioSelect

from neighbourhood.buddies.selectors import buddy_candidates_rank, choice_labels
from neighbourhood.buddies.services import (
    NotMatchable,
    buddy_signup_matchable,
    match_confirm,
    match_follow_up_record,
)
from neighbourhood.models import (
    AVAILABILITY_CHOICES,
    BuddyMatch,
    BuddyRole,
    BuddySignup,
    Interest,
    Language,
)
from neighbourhood.scoping.permissions import policy_for
from neighbourhood.scoping.views import (
    WopOwnedEditView,
    WopOwnedFilterSet,
    WopScopedObjectMixin,
)

match_policy = policy_for(BuddyMatch)


class BuddyCandidatesView(
    WopScopedObjectMixin,
    PermissionCheckedMixin,
    BaseObjectMixin,
    WagtailAdminTemplateMixin,
    TemplateView,
):
    """Zoek een maatje: the ranked buddies for one seeker, each with a button
    to match them."""

    model = BuddySignup
    permission_policy = match_policy
    permission_required = "add"
    template_name = "neighbourhood/admin/buddy_candidates.html"
    page_title = gettext_lazy("Zoek een maatje")
    header_icon = "link"
    index_url_name = None
    edit_url_name = None
    match_index_url_name = None

    def get_base_object_queryset(self):
        return self.get_scoped_queryset().filter(role=BuddyRole.SEEKER)

    def get_object(self):
        return self.check_object_permission(super().get_object())

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse(self.index_url_name),
                "label": BuddySignup._meta.verbose_name_plural.capitalize(),
            },
            {
                "url": reverse(self.edit_url_name, args=[quote(self.object.pk)]),
                "label": str(self.object),
            },
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        seeker = self.object
        can_be_matched = buddy_signup_matchable(seeker)
        context.update(
            seeker=seeker,
            can_be_matched=can_be_matched,
            candidates=(
                buddy_candidates_rank(seeker=seeker, user=self.request.user)
                if can_be_matched
                else []
            ),
            interests=choice_labels(seeker.interests, Interest.choices),
            availability=choice_labels(seeker.availability, AVAILABILITY_CHOICES),
            languages=choice_labels(seeker.languages, Language.choices),
        )
        return context

    def post(self, request, *args, **kwargs):
        buddy = get_object_or_404(
            self.get_scoped_queryset()
            .filter(role=BuddyRole.BUDDY)
            .exclude(pk=self.object.pk),
            pk=request.POST.get("buddy") or None,
        )
        self.check_object_permission(buddy)
        try:
            match = match_confirm(seeker=self.object, buddy=buddy, by=request.user)
        except NotMatchable as taken:
            messages.error(
                request,
                _("%(name)s is al gekoppeld of doet niet meer mee.")
                % {"name": taken.signup},
            )
            return redirect(request.path)
        seeker, buddy = match.seeker, match.buddy
        messages.success(
            request,
            _(
                "%(seeker)s en %(buddy)s zijn gekoppeld. Navragen hoe het gaat "
                "op %(date)s."
            )
            % {
                "seeker": seeker,
                "buddy": buddy,
                "date": date_format(match.follow_up_on, "j F Y"),
            },
        )
        return redirect(reverse(self.match_index_url_name))


class MatchFollowUpView(WopOwnedEditView):
    """Navragen: record how a match is going (the match's edit view)."""

    page_title = gettext_lazy("Navragen")
    submit_button_label = gettext_lazy("Opslaan")
    success_message = gettext_lazy("Navragen bij %(object)s opgeslagen.")

    def save_instance(self):
        self.check_object_permission(self.object)
        data = self.form.cleaned_data
        return match_follow_up_record(
            match=self.object,
            outcome=data["follow_up_outcome"],
            note=data["follow_up_note"],
            next_follow_up_on=data["next_follow_up_on"],
            by=self.request.user,
        )


class BuddyMatchFilterSet(WopOwnedFilterSet):
    due = django_filters.BooleanFilter(
        label=gettext_lazy("Nu navragen"),
        method="filter_due",
        widget=BooleanRadioSelect,
    )

    class Meta:
        model = BuddyMatch
        fields = ["due", "follow_up_outcome", "wop"]

    def filter_due(self, queryset, name, value):
        if value is None:
            return queryset
        due = BuddyMatch.objects.follow_up_due().values("pk")
        return queryset.filter(pk__in=due) if value else queryset.exclude(pk__in=due)
