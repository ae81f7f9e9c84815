"""Roles in the activity coder that the example corpora state only per sentence: where a transit ends."""
from __future__ import annotations

from extract import extract


def test_the_end_of_a_transit_is_not_on_the_way():
    events = {(e.partner_id, e.activity_type) for e in extract(
        "Казахстан просит Ташкент снизить тариф на транзит муки в Афганистан.").events}
    assert ("AF", "transit") not in events
    events = {(e.partner_id, e.activity_type) for e in extract(
        "Kazakh oil goes to the port of Ceyhan in Turkey through the BTC pipeline.").events}
    assert ("TR", "transit") in events
