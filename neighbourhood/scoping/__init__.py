"""Which WOPs a user may see and work in: the groups, permissions and
collections per WOP, one permission policy per model, the WOP-owned viewsets
and the guarded Wagtail views (explorer, choosers, bulk actions, API)."""
