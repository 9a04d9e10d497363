#!/usr/bin/env python3
"""Whole-program quality gates for the extractor.

usage: check_scores.py TOILE own CORPUS MIN_PRECISION MIN_RECALL
       check_scores.py TOILE seeds SHARED MIN_PRECISION MIN_RECALL
       check_scores.py TOILE agree SHARED

own:   `toile eval CORPUS --json` on the team's own corpus (tests/corpus/fr).
seeds: `toile build` + `toile export --format jsonl` on SHARED/corpus/seeds, scored by
       SHARED/eval/score.py, the project's reference scorer. Skipped (exit 77) when SHARED
       is absent, as it is in a user's clone.
"""
import json
import os
import subprocess
import sys
import tempfile

SKIP = 77


def run(args):
    out = subprocess.run(args, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"{' '.join(args)} failed ({out.returncode}):\n{out.stderr}")
    return out.stdout


def own(toile, corpus):
    return json.loads(run([toile, "eval", corpus, "--json"]))


def seeds(toile, shared):
    corpus = os.path.join(shared, "corpus", "seeds")
    scorer = os.path.join(shared, "eval", "score.py")
    if not (os.path.isdir(corpus) and os.path.isfile(scorer)):
        print(f"skipped: {corpus} or {scorer} not found")
        sys.exit(SKIP)
    with tempfile.TemporaryDirectory() as tmp:
        graph, facts = os.path.join(tmp, "g.toile"), os.path.join(tmp, "f.jsonl")
        run([toile, "build", corpus, "-o", graph, "--quiet"])
        with open(facts, "w", encoding="utf-8") as f:
            f.write(run([toile, "export", graph, "--format", "jsonl"]))
        return json.loads(run([sys.executable, scorer, corpus, facts, "--json"]))


def agree(toile, shared):
    """`toile eval` must count exactly as the reference scorer does."""
    reference = seeds(toile, shared)
    ours = own(toile, os.path.join(shared, "corpus", "seeds"))
    pairs = [("predicted", "predicted"), ("true_positive", "correct"), ("gold", "gold"),
             ("recall_hits", "found")]
    differ = [(a, reference[a], ours[b]) for a, b in pairs if reference[a] != ours[b]]
    for name, theirs, mine in differ:
        print(f"{name}: score.py {theirs}, toile eval {mine}")
    print("toile eval agrees with score.py" if not differ else "disagreement")
    return 1 if differ else 0


def main(argv):
    if len(argv) == 3 and argv[1] == "agree":
        return agree(argv[0], argv[2])
    if len(argv) != 5 or argv[1] not in ("own", "seeds"):
        sys.exit(__doc__)
    toile, kind, where = argv[0], argv[1], argv[2]
    min_precision, min_recall = float(argv[3]), float(argv[4])
    scores = own(toile, where) if kind == "own" else seeds(toile, where)
    precision, recall = scores["precision"], scores["recall"]
    print(f"{kind}: precision {precision:.3f} (min {min_precision}) recall {recall:.3f} (min {min_recall})")
    if precision < min_precision or recall < min_recall:
        sys.exit(1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
