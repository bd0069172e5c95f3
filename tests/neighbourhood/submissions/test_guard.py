"""The guard in front of every public form: a honeypot and a rate limit."""

from django.test import RequestFactory

from neighbourhood.submissions.guard import (
    HONEYPOT_MESSAGE,
    RATE_LIMIT_MESSAGE,
    HoneypotFormMixin,
    client_ip,
    first_sending,
    public_form_refusal,
    sending_count,
)


class GuardedForm(HoneypotFormMixin):
    pass


def post(data=None, **meta):
    meta.setdefault("REMOTE_ADDR", "198.51.100.7")
    return RequestFactory().post("/formulier/", data or {}, **meta)


def refusal(request):
    return public_form_refusal(request, GuardedForm(request.POST))


def send(request):
    """A post that passed the guard and was stored."""
    assert refusal(request) is None
    sending_count(request)


def test_sendings_up_to_the_limit_pass_and_the_next_post_is_refused(settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 3

    for _sending in range(3):
        send(post())

    assert refusal(post()) == RATE_LIMIT_MESSAGE


def test_the_limit_counts_per_client_address(settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 1
    send(post(REMOTE_ADDR="198.51.100.7"))

    assert refusal(post(REMOTE_ADDR="198.51.100.7")) == RATE_LIMIT_MESSAGE
    assert refusal(post(REMOTE_ADDR="198.51.100.8")) is None


def test_behind_a_proxy_the_client_address_comes_from_x_forwarded_for(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1

    request = post(
        REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.20"
    )

    assert client_ip(request) == "198.51.100.20"


def test_without_proxies_a_forged_x_forwarded_for_is_ignored(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0

    request = post(REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR="203.0.113.9")

    assert client_ip(request) == "198.51.100.7"


def test_filled_in_honeypot_is_refused_with_a_readable_message():
    assert refusal(post({"website": "http://spam.example"})) == HONEYPOT_MESSAGE
    assert "Laat dit veld leeg" in str(HONEYPOT_MESSAGE)


def test_empty_or_blank_honeypot_passes():
    assert refusal(post({"website": ""})) is None
    assert refusal(post({"website": "   "})) is None


def test_posts_with_a_filled_in_honeypot_count_towards_the_limit(settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 2
    refusal(post({"website": "spam"}))
    refusal(post({"website": "spam"}))

    assert refusal(post()) == RATE_LIMIT_MESSAGE


UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "verbuurzamen.cache.ResilientRedisCache",
        # Port 1 on loopback: nothing listens, the connection is refused.
        "LOCATION": "redis://127.0.0.1:1/0",
    }
}


def test_with_the_cache_unreachable_the_limit_lets_posts_through(settings):
    """Redis down: nothing can be counted, so the rate limit fails open (see
    verbuurzamen.cache) instead of refusing every resident."""
    settings.PUBLIC_FORM_RATE_LIMIT = 1
    settings.CACHES = UNREACHABLE_REDIS

    for _sending in range(3):
        send(post())


def test_with_the_cache_unreachable_every_sending_is_stored(settings):
    """Redis down: a post cannot be recognised as sent before, so it is
    stored (twice at worst), never skipped with a thank-you."""
    settings.CACHES = UNREACHABLE_REDIS
    request = post({"csrfmiddlewaretoken": "abc", "name": "Hans"})

    for _attempt in range(2):
        with first_sending(request) as first:
            assert first is True
