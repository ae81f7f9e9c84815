"""Records that `extract()` returns. Plain dataclasses: no Dagster, no DuckDB.

Every record keeps its provenance: the sentence it sits in and the character
offsets of its surface text in the text that was passed to `extract()`
(zero-based, end exclusive), so `text[start_char:end_char] == surface_text`.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

# The contract's enumerations (../shared/CONTRACT.md); dbt tests check the same sets.
FIGURE_KINDS = ("mass", "percentage", "duration", "count", "money", "date", "number")
QUALIFIERS = ("exact", "approx", "more_than", "less_than", "up_to", "at_least")
CHANGES = ("level", "increase", "decrease")
MENTION_KINDS = ("name", "abbreviation", "demonym", "capital", "organisation")
ENTITY_TYPES = ("partner", "commodity", "route", "person", "organisation")
ACTIVITY_TYPES = ("consult", "agree", "invest", "trade", "transit", "sanction", "conflict", "cooperate")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(slots=True)
class Sentence:
    index: int
    start_char: int
    end_char: int


@dataclass(slots=True)
class Mention:
    """A lexicon entity found in the text.

    entity_type is one of ENTITY_TYPES. For partners, partner_id is the ISO
    3166-1 alpha-2 code (or "EU") and mention_kind one of MENTION_KINDS; for
    commodities and routes entity_id is the dbt seed id and partner_id is None.
    """
    entity_type: str
    entity_id: str
    mention_kind: str
    sentence_index: int
    start_char: int
    end_char: int
    surface_text: str

    @property
    def partner_id(self) -> str | None:
        return self.entity_id if self.entity_type == "partner" else None


@dataclass(slots=True)
class Figure:
    kind: str                      # one of FIGURE_KINDS
    sentence_index: int
    start_char: int
    end_char: int
    surface_text: str
    value: float | None = None     # normalised: t, %, ISO 4217 units, ...
    value_max: float | None = None # upper end of a range
    unit: str | None = None
    qualifier: str | None = None   # one of QUALIFIERS; None for dates
    change: str | None = None      # masses only: one of CHANGES
    date_year: int | None = None
    date_month: int | None = None
    date_day: int | None = None
    weekday: str | None = None     # lowercase English
    date_resolved: str | None = None  # ISO date when a publication date lets us resolve it


@dataclass(slots=True)
class ExportVolume:
    """A tonnage tied to a commodity named in the same sentence."""
    figure_index: int              # index into ExtractionResult.figures
    commodity_id: str
    route_id: str | None
    partner_id: str | None
    volume_tonnes: float
    volume_tonnes_max: float | None
    qualifier: str
    change: str
    sentence_index: int
    start_char: int
    end_char: int
    surface_text: str


@dataclass(slots=True)
class ActivityEvent:
    """One act between a partner and Kazakhstan that a sentence states (ACTIVITY.md).

    start_char/end_char/surface_text are the words that state the act (the trigger,
    or the route for a transit implied by a named route); the partner's own words
    are partner_start_char/partner_end_char (None when the route implies the partner).
    """
    partner_id: str
    activity_type: str             # one of ACTIVITY_TYPES
    sector: str | None             # commodity_id of the sentence, else a sector word
    planned: bool                  # announced, intended or targeted rather than done
    sentence_index: int
    start_char: int
    end_char: int
    surface_text: str
    partner_start_char: int | None = None
    partner_end_char: int | None = None


@dataclass(slots=True)
class ExtractionResult:
    language: str | None
    language_confidence: float
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    export_volumes: list[ExportVolume] = field(default_factory=list)
    events: list[ActivityEvent] = field(default_factory=list)
    body_end: int = 0              # text after this offset is boilerplate and was not read

    @property
    def partner_mentions(self) -> list[Mention]:
        return [m for m in self.mentions if m.entity_type == "partner"]

    def to_dict(self) -> dict:
        return asdict(self)
