"""``manage.py check`` in a host without allauth: its settings pass, and
switching off Wagtail's password reset, where the invitations send someone
whose link expired, is named."""

from django.core.management import call_command

from neighbourhood import checks


def test_a_host_without_allauth_passes_every_check():
    call_command("check", fail_level="WARNING")


def test_wagtails_password_reset_switched_off_is_named(settings):
    settings.WAGTAIL_PASSWORD_RESET_ENABLED = False

    errors = checks.check_password_reset()

    assert [error.id for error in errors] == ["verbuurzamen.E010"]
    assert "WAGTAIL_PASSWORD_RESET_ENABLED" in errors[0].msg
