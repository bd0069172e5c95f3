"""Accounts with or without django-allauth: the one place that knows.

A host with ``allauth.account`` installed gets its flows: the client address
by its adapter (the one its login limit counts by), the invited volunteer's
"choose a password" link to its reset page (which logs them in), its
e-mail addresses, and with ``allauth.mfa`` the admin's two-factor menu item. A host
without it gets Django's own: ``default_token_generator`` and a
``PasswordResetConfirmView`` of the plugin's (``neighbourhood:
volunteer_set_password``, in Wagtail's admin look), Wagtail's "forgot
password" page, and ``user.email``.

Where a login lands: volunteers and coordinators (anyone who may use the
admin) on the admin's dashboard, everyone else where the host's
``LOGIN_REDIRECT_URL`` says; a ``next`` parameter goes first. Without allauth
Wagtail's admin login and the plugin's "choose a password" page already open
the dashboard; with allauth the plugin's adapter asks ``login_redirect_url``
(``neighbourhood.accounts.AccountAdapter``, the host's ``ACCOUNT_ADAPTER``
or the base of its own).

The question is asked on every call, of the app registry, so the answer
follows ``INSTALLED_APPS`` (and tests that change it). allauth is imported
inside the functions below, and only here: at the top it would fail in a
host that does not have it. For the same reason the adapter is made when
first asked for (``__getattr__``).
"""

from urllib.parse import urlencode

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.tokens import default_token_generator
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from neighbourhood.conf import verbuurzamen_settings


def allauth_installed() -> bool:
    return apps.is_installed("allauth.account")


def mfa_installed() -> bool:
    """Whether the admin offers two-factor login (allauth's ``mfa``)."""
    return apps.is_installed("allauth.mfa")


def has_admin_access(user) -> bool:
    """Whether ``user`` may use the admin (volunteers, coordinators)."""
    return bool(
        user and user.is_authenticated and user.has_perm("wagtailadmin.access_admin")
    )


def login_redirect_url(request) -> str:
    """Where someone who just logged in lands when no ``next`` says where:
    the admin's dashboard for whoever may use it, else the host's
    ``LOGIN_REDIRECT_URL``."""
    if has_admin_access(request.user):
        return reverse("wagtailadmin_home")
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def client_ip(request) -> str:
    """The client's address, the one the public forms' limit counts by.

    With allauth: its adapter's rule, the one its login limit counts by
    (``ALLAUTH_TRUSTED_PROXY_COUNT``). Without: REMOTE_ADDR, or the entry of
    X-Forwarded-For that the last of ``NUM_PROXIES`` trusted proxies added. A
    request with fewer entries did not pass every proxy; it is counted by the
    only address known for certain, the one it came from.
    """
    if allauth_installed():
        from allauth.account.adapter import get_adapter  # allauth may be absent

        return get_adapter(request).get_client_ip(request)
    remote_addr = request.META["REMOTE_ADDR"]
    proxies = verbuurzamen_settings.NUM_PROXIES
    if not proxies:
        return remote_addr
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    entries = [entry.strip() for entry in header.split(",") if entry.strip()]
    if len(entries) < proxies:
        return remote_addr
    return entries[-proxies]


def password_set_path(user: AbstractBaseUser) -> str:
    """The path of ``user``'s personal "choose a password" page, which logs
    them in and takes them to the admin dashboard.

    With allauth: its own reset token and page. Without: Django's
    ``default_token_generator``. Either token is valid for
    ``PASSWORD_RESET_TIMEOUT`` and spent once the password is set or the
    person logs in.
    """
    if allauth_installed():
        # allauth may be absent
        from allauth.account import app_settings as allauth_settings
        from allauth.account.utils import user_pk_to_url_str

        token = allauth_settings.PASSWORD_RESET_TOKEN_GENERATOR().make_token(user)
        path = reverse(
            "account_reset_password_from_key",
            kwargs={"uidb36": user_pk_to_url_str(user), "key": token},
        )
        query = urlencode({"next": reverse("wagtailadmin_home")})
        return f"{path}?{query}"
    return reverse(
        "neighbourhood:volunteer_set_password",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )


def password_reset_path() -> str:
    """Where someone asks for a new password by e-mail ("Wachtwoord
    vergeten"): allauth's page, or Wagtail's admin one."""
    if allauth_installed():
        return reverse("account_reset_password")
    return reverse("wagtailadmin_password_reset")


def user_for_email(email: str) -> AbstractBaseUser | None:
    """The user who owns ``email``, compared case-insensitively: on the
    account, or (with allauth) among their other addresses."""
    email = email.strip()
    user = get_user_model().objects.filter(email__iexact=email).first()
    if user is not None or not allauth_installed():
        return user
    from allauth.account.models import EmailAddress  # allauth may be absent

    address = (
        EmailAddress.objects.filter(email__iexact=email).select_related("user").first()
    )
    return address.user if address else None


def email_verified(*, user: AbstractBaseUser, email: str) -> None:
    """Record that ``email`` is ``user``'s and proven (the invitation sent
    there proves it: following its link is verifying), so allauth's mandatory
    verification lets them in. Without allauth ``user.email`` is all there
    is."""
    if not allauth_installed():
        return
    from allauth.account.models import EmailAddress  # allauth may be absent

    EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)


def _account_adapter_class():
    from allauth.account.adapter import DefaultAccountAdapter  # allauth may be absent

    class AccountAdapter(DefaultAccountAdapter):
        """allauth's adapter, landing admin users on the dashboard."""

        def get_login_redirect_url(self, request) -> str:
            return login_redirect_url(request)

    AccountAdapter.__module__ = __name__
    return AccountAdapter


def __getattr__(name: str):
    """``AccountAdapter``: made on first use, so this module imports in a host
    without allauth."""
    if name == "AccountAdapter":
        adapter = globals()["AccountAdapter"] = _account_adapter_class()
        return adapter
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
