"""The one rule for removals, shared by the loader and the publication (rsync's --max-delete)."""
from __future__ import annotations


class MassDeleteRefused(RuntimeError):
    """A run would remove all documents, or more than MAX_DELETE_SHARE of them; nothing was changed."""


def too_many_removed(gone: int, total: int, share: float) -> bool:
    """True when removing `gone` of `total` documents needs ALLOW_MASS_DELETE.

    Removing every document always does. Otherwise more than `share` of them does, except that a
    single document is never a mass removal (one article deleted from a folder of three is a
    normal edit), unless share is 0, which asks for an allowance for any removal."""
    if total <= 0 or gone <= 0:
        return False
    if gone >= total:
        return True
    return gone > share * total and (gone > 1 or share == 0)
