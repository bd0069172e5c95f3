"""The signals of this app, both on page saves.

A WOP page (or the neighbourhood index) can come into being through the
admin, a copy, the demo seed or a data import; ``post_save`` is the only place
that sees all of them.
"""

from django.db.models.signals import post_save


def _wop_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from neighbourhood.services import wop_access_sync

    wop_access_sync(wop=instance)


def _neighbourhood_index_saved(sender, instance, created=False, raw=False, **kwargs):
    if raw or not created:
        return
    from neighbourhood.services import coordinators_sync

    coordinators_sync()


def connect():
    from neighbourhood.models import NeighbourhoodIndexPage, NeighbourhoodPage

    post_save.connect(
        _wop_saved, sender=NeighbourhoodPage, dispatch_uid="neighbourhood_wop_saved"
    )
    post_save.connect(
        _neighbourhood_index_saved,
        sender=NeighbourhoodIndexPage,
        dispatch_uid="neighbourhood_index_saved",
    )
