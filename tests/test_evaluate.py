"""Scoring: how predictions are paired with gold events."""

from communique.evaluate import _max_matching, dyad_matches, type_matches


def test_negation_is_scored_on_like_pairs_when_two_pairings_are_equally_good():
    side = lambda c: [{"name": None, "country": c}]  # noqa: E731
    ev = lambda neg: {"event": "ASSAULT", "actor": side("ISR"), "recipient": side("IRN"), "negated": neg}  # noqa: E731
    gold, preds = [ev(True), ev(False)], [ev(False), ev(True)]
    pairs = _max_matching(gold, preds, lambda p, g: type_matches(p, g) and dyad_matches(p, g),
                          prefer=lambda p, g: p["negated"] == g["negated"])
    assert all(gold[g]["negated"] == preds[p]["negated"] for g, p in pairs.items()) and len(pairs) == 2
