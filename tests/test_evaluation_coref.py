"""The coreference scorer: MUC, B³, CEAF-e and CoNLL F1 on hand-computed examples."""

import itertools
import random

import pytest

from timeline.evaluation.coref import (
    CorefScore,
    Measure,
    b_cubed,
    best_assignment,
    ceaf_e,
    clusters,
    muc,
    phi4,
    score_coref,
)

# Pradhan et al. (2014): key {a b c} {d e f g}, response {a b} {c d} {f g h i}.
KEY = [{"a", "b", "c"}, {"d", "e", "f", "g"}]
RESPONSE = [{"a", "b"}, {"c", "d"}, {"f", "g", "h", "i"}]


def test_muc_pradhan_example():
    # recall: {a b c} -> 2 parts (3-2), {d e f g} -> {d} {e} {f g} (4-3); of 2 + 3 links
    # precision: {a b} 1 part (2-1), {c d} 2 parts (2-2), {f g h i} -> {f g} {h} {i} (4-3)
    assert muc(KEY, RESPONSE) == Measure(2, 5, 2, 5)


def test_b_cubed_pradhan_example():
    m = b_cubed(KEY, RESPONSE)
    # recall: (2²+1²)/3 + (1²+2²)/4 = 35/12 over 7 key mentions
    assert m.recall_num == pytest.approx(35 / 12)
    assert m.recall_den == 7
    assert m.recall == pytest.approx(5 / 12)
    # precision: 2²/2 + (1²+1²)/2 + 2²/4 = 4 over 8 response mentions
    assert (m.precision_num, m.precision_den) == (4, 8)


def test_ceaf_e_pradhan_example():
    m = ceaf_e(KEY, RESPONSE)
    # best alignment {a b c}-{a b} (0.8) and {d e f g}-{f g h i} (0.5)
    assert m.recall_num == pytest.approx(1.3)
    assert (m.recall_den, m.precision_den) == (2, 3)
    assert m.recall == pytest.approx(0.65)
    assert m.precision == pytest.approx(1.3 / 3)


def test_conll_f1_is_the_mean_of_three_f1():
    s = score_coref(KEY, RESPONSE)
    b3_f1 = 2 * (5 / 12) * 0.5 / (5 / 12 + 0.5)
    ceaf_f1 = 2 * 0.65 * (1.3 / 3) / (0.65 + 1.3 / 3)
    assert s.muc.f1 == pytest.approx(0.4)
    assert s.b_cubed.f1 == pytest.approx(b3_f1)  # 0.4545...
    assert s.ceaf_e.f1 == pytest.approx(ceaf_f1)  # 0.52
    assert s.conll_f1 == pytest.approx((0.4 + b3_f1 + ceaf_f1) / 3)
    assert s.conll_f1 == pytest.approx(0.458182, abs=1e-6)


def test_muc_vilain_example():
    m = muc([{"A", "B", "C", "D"}], [{"A", "B"}, {"C", "D"}])
    assert (m.recall, m.precision) == (pytest.approx(2 / 3), 1.0)


def test_bagga_baldwin_example():
    key = [set(range(1, 6)), {6, 7}, set(range(8, 13))]
    response = [set(range(1, 6)), set(range(6, 13))]
    b3 = b_cubed(key, response)
    assert b3.recall == 1.0
    assert b3.precision == pytest.approx(16 / 21)
    m = muc(key, response)
    assert (m.recall_num, m.recall_den, m.precision_num, m.precision_den) == (9, 9, 9, 10)


def test_mapping_and_sets_give_the_same_score():
    mapping_key = {m: k for k, c in enumerate(KEY) for m in c}
    mapping_response = {m: f"r{k}" for k, c in enumerate(RESPONSE) for m in c}
    assert score_coref(mapping_key, mapping_response) == score_coref(KEY, RESPONSE)


def test_identical_clusterings_score_one():
    s = score_coref(KEY, KEY)
    assert s.measures() == (1.0,) * 10


def test_mentions_in_one_clustering_only():
    # key {a b}, response {a c}: b is missing from the response, c from the key
    s = score_coref([{"a", "b"}], [{"a", "c"}])
    assert s.muc == Measure(0, 1, 0, 1)
    assert (s.b_cubed.recall, s.b_cubed.precision) == (0.25, 0.25)
    assert (s.ceaf_e.recall, s.ceaf_e.precision) == (0.5, 0.5)


def test_singletons_kept_or_dropped():
    key = [{"a", "b"}, {"c"}]
    response = [{"a"}, {"b"}, {"c"}]
    kept = score_coref(key, response)
    # B3 recall: {a b} -> (1 + 1)/2 = 1, {c} -> 1: 2 of 3 mentions; precision 3 of 3
    assert (kept.b_cubed.recall, kept.b_cubed.precision) == (pytest.approx(2 / 3), 1.0)
    # CEAF-e: {a b}-{a} 2/3, {c}-{c} 1: 5/3 over 2 key and 3 response clusters
    assert kept.ceaf_e.recall == pytest.approx(5 / 6)
    assert kept.ceaf_e.precision == pytest.approx(5 / 9)
    assert kept.muc == Measure(0, 1, 0, 0)
    dropped = score_coref(key, response, singletons=False)
    # only {a b} is left, against an empty response
    assert dropped.b_cubed == Measure(0, 2, 0, 0)
    assert dropped.ceaf_e == Measure(0, 1, 0, 0)
    assert dropped.conll_f1 == 0.0


def test_scores_add_up_over_documents():
    one = score_coref(KEY, RESPONSE)
    two = score_coref([{"x", "y"}], [{"x", "y"}])
    total = sum([one, two], CorefScore())
    assert total.muc == Measure(3, 6, 3, 6)
    assert total.b_cubed.recall_den == 9
    assert total.ceaf_e.recall_num == pytest.approx(2.3)
    assert sum([one, two]) == total


def test_clusters_refuse_a_mention_in_two_clusters():
    with pytest.raises(ValueError, match="two clusters"):
        clusters([{"a"}, {"a", "b"}])


def test_phi4():
    assert phi4({"a", "b", "c"}, {"a", "b"}) == 0.8
    assert phi4({"d", "e", "f", "g"}, {"c", "d"}) == pytest.approx(1 / 3)


def _brute_force(weights):
    rows, cols = len(weights), len(weights[0])
    best = 0.0
    if rows <= cols:
        for perm in itertools.permutations(range(cols), rows):
            best = max(best, sum(weights[i][j] for i, j in enumerate(perm)))
    else:
        for perm in itertools.permutations(range(rows), cols):
            best = max(best, sum(weights[i][j] for j, i in enumerate(perm)))
    return best


@pytest.mark.parametrize("seed", range(40))
def test_hungarian_matches_brute_force(seed):
    rng = random.Random(seed)
    rows, cols = rng.randint(1, 6), rng.randint(1, 6)
    weights = [
        [rng.choice([0, 0, rng.random(), rng.randint(1, 5)]) for _ in range(cols)]
        for _ in range(rows)
    ]
    pairs = best_assignment(weights)
    assert len(pairs) == min(rows, cols)
    assert len({i for i, _ in pairs}) == len({j for _, j in pairs}) == len(pairs)
    assert sum(weights[i][j] for i, j in pairs) == pytest.approx(_brute_force(weights))


def test_hungarian_on_a_known_matrix():
    # greedy (row 0 takes 9) gives 9 + 6 + 4 = 19; the best is 8 + 8 + 4 = 20
    weights = [[9, 8, 1], [8, 6, 1], [9, 1, 4]]
    assert best_assignment(weights) == [(0, 1), (1, 0), (2, 2)]
