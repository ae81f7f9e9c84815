"""Calendar dates from stated fields, with the publication date filling the gaps."""
from __future__ import annotations

from datetime import date, timedelta

from ..model import WEEKDAYS


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def resolve(year: int | None, month: int | None, day: int | None, weekday: str | None,
            published: date | None) -> str | None:
    """ISO date, or None when the text and the publication date do not pin one down.

    A full date stands on its own. Day and month take the year that puts them
    nearest to publication ("28 декабря" in a 5 January article is last year's),
    preferring one where a stated weekday fits.
    A weekday alone is that day in the publication's Monday-to-Sunday week.
    """
    if year and month and day:
        d = _safe(year, month, day)
        return d.isoformat() if d else None
    if published is None:
        return None
    if month and day and not year:
        options = [d for y in (published.year - 1, published.year, published.year + 1)
                   if (d := _safe(y, month, day))]
        if weekday:  # "понедельник, 18 февраля": the year where it is a Monday, if one is near
            options = [d for d in options if WEEKDAYS[d.weekday()] == weekday] or options
        if not options:
            return None
        return min(options, key=lambda d: abs((d - published).days)).isoformat()
    if weekday and not (year or month or day):
        monday = published - timedelta(days=published.weekday())
        return (monday + timedelta(days=WEEKDAYS.index(weekday))).isoformat()
    return None
