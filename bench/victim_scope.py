"""Precision and recall of the victims' entitlements table (ingest/victim_scope.py) on three
hand-labelled samples: bench/victim_rows_labelled.json and _2.json (development sets: the rules
were refined on their errors) and _3.json (labelled by an outside labeller, held out until it was
scored once with the rules of commit 92e16b7; that single scoring, recorded in HELD_OUT below, is
the headline; the rules were then refined on its errors too, so the figures this script computes
for it now are development figures).

A labelled clause is predicted a row when ingest.entitlements extracts a provision on that
unit and ingest.victim_scope keeps it in the default view.

    python bench/victim_scope.py [--corpus ../shared/corpus] [--write]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ingest.entitlements import extract_provisions  # noqa: E402
from ingest.pipeline import _read_and_parse  # noqa: E402
from ingest.victim_scope import in_scope  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
LABELLED = REPO / "bench" / "victim_rows_labelled.json"
LABELLED_2 = REPO / "bench" / "victim_rows_labelled_2.json"
LABELLED_3 = REPO / "bench" / "victim_rows_labelled_3.json"
# Sample 4: an outside labeller, documents in none of samples 1-3, labelled while the rules of session 4 were written
# and scored once with them (commit RULES_4); any figure computed for it after that scoring is a development figure.
LABELLED_4 = REPO / "bench" / "victim_rows_labelled_4.json"
RULES_4 = "c98d4ee"
# Sample 5: an outside labeller (session 8), the ingestible documents under ../shared/corpus/fixtures (none read by
# the rules or by samples 1-4); 20 of its units were added by a vocabulary scan of the Civil Code (reason
# "[scan-added]"), reported apart from the systematic sample. Scored once with the rules of RULES_5.
LABELLED_5 = REPO / "bench" / "victim_rows_labelled_5.json"
RULES_5 = "a619834"
# Sample 6: an outside labeller (session 10), the 20 documents of the collection no earlier sample used (court
# guidance, health, legal-aid and child-welfare circulars); it holds no row, so it measures false rows only. Scored
# once with the rules of RULES_6 (unchanged since 7300c39).
LABELLED_6 = REPO / "bench" / "victim_rows_labelled_6.json"
RULES_6 = "310dd0d"
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"


def _fixture_files(corpus: Path) -> list[Path]:
    """The fixtures sample 5 was drawn from (the scanned PDF needs OCR and holds no sampled unit)."""
    files = [p for p in sorted((corpus / "fixtures").rglob("*")) if p.is_file()]
    return [p for p in files if "scanned" not in p.name]


def predicted_rows(corpus: Path, fixtures: bool = False) -> set[tuple[str, str]]:
    documents = []
    paths = sorted((corpus / "phapdien").glob("*.html")) + (_fixture_files(corpus) if fixtures else [])
    for path in paths:
        documents += _read_and_parse((str(path), 50_000_000, None, str(path))).documents
    by_number = {d.number: d for d in documents}
    return {(p.doc_number, p.unit_id) for p in extract_provisions(documents) if in_scope(p, by_number[p.doc_number])[0]}


# The texts the first rules were written from (sample 1's sampling note); sample 3 includes four of them because
# they matter most to users, so its figure is given for the other documents apart.
RULE_SOURCES = frozenset(
    {
        "66/2011/QH12",
        "09/2013/NĐ-CP",
        "134/2013/TTLT-BTC-BLĐTBXH",
        "35/2013/TT-BLĐTBXH",
        "01/2014/TTLT-BCA-BQP-BLĐTBXH-BNG",
    }
)


def evaluate(rows: set[tuple[str, str]], labels: Path, keep=lambda item: True) -> dict:
    labelled = [item for item in json.loads(labels.read_text(encoding="utf-8"))["items"] if keep(item)]
    tp = fp = fn = 0
    per_document: dict[str, list[int]] = {}
    errors = []
    for item in labelled:
        predicted = (item["doc"], item["unit_id"]) in rows
        counts = per_document.setdefault(item["doc"], [0, 0, 0, 0])  # tp, fp, fn, clauses
        counts[3] += 1
        if predicted and item["victim_row"]:
            tp += 1
            counts[0] += 1
        elif predicted:
            fp += 1
            counts[1] += 1
            errors.append(("false row", item))
        elif item["victim_row"]:
            fn += 1
            counts[2] += 1
            errors.append(("missed", item))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {
        "clauses": len(labelled),
        "rows": sum(i["victim_row"] for i in labelled),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": precision,
        "recall": recall,
        "per_document": per_document,
        "errors": errors,
    }


HELD_OUT_6 = """**Headline (session 10, held out, scored once, rules of commit 310dd0d, last changed in 7300c39):**
sample 6, 363 units of the 20 documents of the collection that no earlier sample and no rule used (court guidance
01/2016, 01/2018, 02/2018, 03/2019, 05/2018, 05/2019/NQ-HĐTP; legal-aid circulars 03/2020, 03/2021, 09/2022,
21/2014/TT-BTP, 08/2008/TTLT-BTP-BNV, 58/2014/TTLT-BTC-BTP; health circulars 23/2017, 30/2019, 34/2017/TT-BYT;
child-welfare circulars 28/2019, 36/2018/TT-BLĐTBXH; 19/2018/NĐ-CP; 41/2017/QH14; 1121/1997/QĐ-TTg), labelled
blind by an outside labeller: **no row in the sample, 2 false rows in 363 non-rows** (36/2018/TT-BLĐTBXH Điều 4
khoản 3, children in special circumstances named only as a group to be consulted; 28/2019/TT-BLĐTBXH Điều 3 khoản 3
điểm c, life-skills classes for all children; both labelled "doubtful" by the labeller). 361 of 363 non-rows kept
out (99.4%); precision on this sample is 0 (no true row to find) and recall undefined. Pooled with samples 4 and 5
(each scored once): TP 3, FP 4, FN 11 — **precision 0.43, recall 0.21**. (1121/1997/QĐ-TTg is a scanned fixture
this script does not OCR, so nothing is predicted on its 10 units; all are labelled non-rows.) Target ≥ 0.9
each: NOT met. The unused documents of the collection are now exhausted: a further held-out figure needs new texts
(with rows) in the collection."""

HELD_OUT_5 = """**Earlier headline (session 8, held out, scored once, rules of commit a619834):** sample 5, 387 units of
10 documents none of samples 1-4 or the rules used (the ingestible files under ../shared/corpus/fixtures: the
Ministry of Foreign Affairs circular 02/2026/TT-BNG whole, the Civil Code, both bidding laws, 19/2019/NĐ-CP,
01/2020/NQ-HĐTP, 1667/QĐ-BYT, the 1989 health law, two precedents), labelled by an outside labeller: **no false
row in 377 labelled non-rows (the Civil Code's 95 units and the bidding laws' 137 included), but recall 0 of 10
rows** (TP 0, FP 0, FN 10; precision undefined: nothing predicted). The systematic part (367 units) holds one
row, doubtful by the labeller's own note (02/2026/TT-BNG Điều 16 khoản 1, the Consular Department coordinating
the rescue and return of victims; ruled out as "communication/encouragement" by a word of its text); the other
nine are Civil Code duties of a guardian towards a minor without parental care (Điều 54–56, 59), found by a
vocabulary scan and counted as "children in alternative care" by the labeller's decision 1 — the extraction has
no trigger for a guardian's duties, and the default table is meant for the anti-trafficking, legal-aid and
child-protection families, so whether they belong in it is a scope question, recorded, not tuned. Pooled with
sample 4 (scored once with the rules of c98d4ee, unchanged since on those units): TP 3, FP 2, FN 11, **precision
0.60, recall 0.21**. Target ≥ 0.9 each: NOT met; with so few rows in documents nobody used, recall on unseen
texts stays poorly measured."""

SESSION_9 = """**Session 9 (issue 9 audit: child-welfare and police rows), before and after, same command and machine.**
The audit called ~228 default rows of the child-welfare texts (102/2016/QH13, 56/2017/NĐ-CP, 14/2020/TT-BLĐTBXH) and
rows about police powers noise. The labelled samples disagree for most of them: these three texts hold 32 labelled
rows (the outside labellers count alternative care, intervention for abused children and child-protection duties as
victims' rows, issue 9 names child protection among the families), and 62/2012/NĐ-CP Điều 8 khoản 2 (who may decide
protection measures, police included) holds 4 labelled rows. Dropping the child-protection family would have cost
33 labelled rows: sample 1 precision/recall 0.94/0.98 -> 1.00/0.49, sample 2 0.90/1.00 -> 0.86/0.64, sample 4
0.60/0.75 -> 0.67/0.50. Only rules that move no labelled unit were added (corpus/entitlement_vocabulary.json):
a right every child holds ("Trẻ em có quyền ..."), clauses on children in conflict with the law that name no
harmed child or witness, and a ministry guiding the work ("Hướng dẫn [và tổ chức] thực hiện ...").
**Before (session start aff015d; a59d638 just before the change) and after: identical on every sample** — sample 1
0.94/0.98 (TP 44, FP 3, FN 1), sample 2 0.90/1.00 (TP 28, FP 3, FN 0), sample 3 1.00/1.00 (TP 30), sample 4
0.60/0.75 (TP 3, FP 2, FN 1), sample 5 undefined/0.00 (FN 10); default rows over the whole collection 547 -> 539
(`/api/entitlements` on an index of ../shared/corpus; the 8 removed are unlabelled: Luật 102/2016/QH13 Điều 25,
26, 27, 30, 72 khoản 4, 73 khoản 3, 84 khoản 3, 88 khoản 2). The rest of the child-welfare
rows stay until a labelled sample says otherwise."""

HELD_OUT_4 = """**Earlier headline (session 4, held out, scored once, rules of commit c98d4ee, after merging
main at 46b9de1):** sample 4, 228 clauses of 7 documents in none of samples 1-3, 4 labelled rows: **precision
0.60, recall 0.75** (TP 3, FP 2, FN 1); 225 of 228 clauses decided as labelled. Target ≥ 0.9 each: NOT met. With
4 positive rows the figures are very coarse (one clause moves recall by 0.25, precision by ~0.15); the rules of
the session's start (5e18af6), scored on the same sample for comparison only, give the same three errors (0.60 /
0.75): this session's rule changes neither helped nor hurt on unseen documents. The errors: a refund of case
costs to the legal-aid provider (59/2020/TT-BTC Điều 3 khoản 4 điểm b; pay to the provider, labelled doubtful),
a publisher's warning line on children's books about abuse (09/2017/TT-BTTTT Điều 16 khoản 6; communication,
labelled doubtful) counted as rows, and the press's duty to hide a child victim's face (09/2017/TT-BTTTT Điều 15
khoản 1 điểm a) missed because "vi phạm pháp luật" in its condition reads as an offence clause. No rule was
changed after this scoring."""

HELD_OUT = """**Earlier headline (held out, scored once, rules of commit 92e16b7, before any change made after seeing
it):**
sample 3, 235 clauses of 12 documents, 30 labelled rows: **precision 0.55, recall 0.80** (TP 24, FP 20, FN 6);
of which the 8 documents never used to write the rules (151 clauses, 11 rows), the held-out part in the sense of
issue 9: **precision 0.60, recall 0.55** (TP 6, FP 4, FN 5); the 4 core texts the first rules were written from
(84 clauses, 19 rows): precision 0.53, recall 0.95 (TP 18, FP 16, FN 1). Target ≥ 0.9 each: NOT met on held-out
data. The errors were generic funding between authorities, ministries' management duties, delegation clauses,
eligibility lists, step headings and providers' remuneration counted as rows, and legal-aid recipients named
otherwise than "người được trợ giúp pháp lý" (người có yêu cầu, người dân tộc thiểu số, người khiếu nại) missed.
The figures below were computed after the rules were refined on those errors: no sample is held out for the
current rules; a fresh sample is needed to measure them."""

HISTORY = """History, kept because only the held-out figure measures rules on clauses they were not tuned on:

- sample 1, first rules, held out: precision 0.42, recall 0.33 (TP 15, FP 21, FN 30);
- rules refined on sample 1's error categories; sample 2, held out for those rules: precision 0.69, recall 0.64
  (TP 18, FP 8, FN 10), sample 1 then 0.58 / 0.80;
- rules rebuilt by structure on the errors of samples 1 and 2 (both development sets from then on): names of
  agencies, roles and carers masked before finding persons or offence words; an act of support or protection on a
  protected person is a duty without a duty word; definitions of persons, identification criteria, dossiers and
  form lists, headings of sub-points, ending/refusing/encouraging/training/communication, rights held by agencies,
  inter-agency reporting and the person's own duties are not rows; a bare benefit ("a) Hỗ trợ tiền ăn") takes its
  article's protected person. Sample 3 was labelled by an outside labeller and not opened until these rules were
  final (commit 92e16b7); it was then scored once (figures above);
- rules refined on sample 3's errors (it is a development set from then on): money between authorities (sources,
  estimates, spending on the work or on officials) is generic funding; management duties (direct, guide agencies,
  inspect), delegation ("quy định chi tiết"), compliance with standards, licences, staffing and providers'
  remuneration give the person nothing; eligibility lists, steps and contents lists are lists; legal aid reaches
  "người có yêu cầu", ethnic-minority people, complainants and people in custody where the clause gives them legal
  aid; ending a benefit (not a complaint) gives nothing; "giúp", "thông báo", "giải thích" connect an act to the
  person. This follows the outside labeller's written decisions (sample 3 "about"), which make sample 1 n=4
  (62/2012 Điều 4, state budget for protecting victims) generic funding: it is now a miss against its label;
- session 4 (rules of c98d4ee, frozen before sample 4 was opened): rules made more structural, judged by a
  leave-one-document-out estimate over samples 1-3 (bench/victim_lodo.py; 0.72 / 0.94 before, 0.81 / 0.94 after):
  an article's drafting category rules it out (scope "Phạm vi ...", criteria and eligibility "Điều kiện", "Tiêu chí",
  "Căn cứ", "Xác định", "Đối tượng"), one pattern for a role or facility named after its activity and group
  replaces seven names, management duties are read on the unmasked sentence, ending a benefit is one concept.
  Development figures moved only on sample 1 (0.90 -> 0.94 precision). Sample 4 was then scored once (headline)."""


LABEL_NOTES = """Development labels questioned (left unchanged; the rules do not follow them):

- sample 1 n=85 (14/2020 Điều 10 khoản 4 điểm d: the decision handing the child to the carer family) and n=90
  (Điều 13 khoản 3 điểm a2: choosing a carer family, else placing the child in a social-protection facility) place a
  child in alternative care, a duty towards a child in need of protection by the criterion; labelled not rows;
- sample 1 n=135 (56/2017 Điều 27 khoản 2: the case conference deciding protection measures for a child needing
  intervention) reads as a duty towards that child; labelled not a row;
- sample 2 n=115 (12/2018 Điều 8 khoản 2: a simple legal question answered at once for the beneficiary) gives legal
  aid; labelled not a row;
- sample 2 n=137 (01/2014 Điều 6 khoản 3 điểm c: provincial verification ending with the victim certificate) is
  "verify" in the criterion's list of duties; labelled not a row, while n=140 (Điều 8 khoản 2 điểm c: contacting
  and verifying the victim) is a row;
- sample 1 n=62 (78/2013 Điều 9 khoản 4 điểm b: the power to request coordination of protection) is not a row
  while n=22/24/25 (62/2012 Điều 8 khoản 2: the power to decide protection for victims) are; consistent only if a
  power to decide is a duty towards the person and a power to request help is not (the rules follow that);
- sample 1 n=4 (62/2012 Điều 4: state budget for protecting victims) and n=99 (14/2020 Điều 16 khoản 2 điểm c:
  "Bố trí kinh phí ... chăm sóc thay thế cho trẻ em") are labelled rows, but sample 3's written decision (3) makes
  money between authorities generic funding "even when earmarked for victims"; the rules follow sample 3 for n=4
  (now a miss) and do not catch n=99 (no funding word they know at its start)."""


def _share(value: float, of: int) -> str:
    return f"{value:.2f}" if of else "undefined (none)"


def _table(title: str, result: dict, held_out: str) -> list[str]:
    lines = [
        f"### {title}",
        "",
        f"{result['clauses']} clauses of {len(result['per_document'])} documents, "
        f"{result['rows']} labelled rows; {held_out}",
        "",
        f"**Precision {_share(result['precision'], result['tp'] + result['fp'])}, "
        f"recall {_share(result['recall'], result['rows'])}** "
        f"(TP {result['tp']}, FP {result['fp']}, FN {result['fn']}); target ≥ 0.9 each.",
        "",
        "| document | clauses | TP | FP | FN |",
        "|---|---|---|---|---|",
    ]
    for number, (tp, fp, fn, clauses) in result["per_document"].items():
        lines.append(f"| {number} | {clauses} | {tp} | {fp} | {fn} |")
    lines += ["", "Errors: " + "; ".join(f"{kind} {item['doc']} {item['unit_id']}" for kind, item in result["errors"])]
    return lines + [""]


_DEV = "NOT held out: the rules were refined on its errors."


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--write", action="store_true", help="write the section of bench/RESULTS.md")
    args = parser.parse_args()
    rows = predicted_rows(args.corpus, fixtures=True)
    samples = [
        (
            LABELLED_6,
            f"Sample 6 with the current rules (held out until its single scoring with the rules of {RULES_6})",
            "labelled by an outside labeller from the collection's documents no earlier sample used; it holds no row "
            "(false rows only).",
        ),
        (
            LABELLED_5,
            f"Sample 5 with the current rules (held out until its single scoring with the rules of {RULES_5})",
            "labelled by an outside labeller from the fixture documents; see the headline for its single held-out "
            "scoring (20 units of the Civil Code were added by a vocabulary scan, 9 of them rows).",
        ),
        (
            LABELLED_4,
            f"Sample 4 with the current rules (held out until its single scoring with the rules of {RULES_4})",
            "labelled by an outside labeller from documents in none of samples 1-3; see the headline for its single "
            "held-out scoring.",
        ),
        (LABELLED_3, "Sample 3 with the current rules (development set since its single held-out scoring)", _DEV),
        (LABELLED_2, "Sample 2 with the current rules (development set)", _DEV),
        (LABELLED, "Sample 1 with the current rules (development set)", _DEV),
    ]
    lines = [
        "A clause counts as a row when ingest.entitlements extracts a provision on it and ingest.victim_scope keeps it "
        "in the default view. Labels, criterion and sampling: bench/victim_rows_labelled.json, _2.json and _3.json "
        "(each committed before it was first measured), _4.json (outside labeller, session 4), _5.json (outside "
        "labeller, session 8), _6.json (outside labeller, session 10).",
        "",
        HELD_OUT_6,
        "",
        SESSION_9,
        "",
        HELD_OUT_5,
        "",
        HELD_OUT_4,
        "",
        HELD_OUT,
        "",
    ]
    for path, title, held_out in samples:
        if path.exists() and path == LABELLED_3:
            lines += _table(title, evaluate(rows, path), held_out)
            lines += _table(
                "Sample 3, documents never used to write the rules",
                evaluate(rows, path, lambda item: item["doc"] not in RULE_SOURCES),
                "held out at the single scoring above; a development set since.",
            )
            lines += _table(
                "Sample 3, the core texts the first rules were written from",
                evaluate(rows, path, lambda item: item["doc"] in RULE_SOURCES),
                "never held out in the sense of issue 9 (named as rule sources in sample 1).",
            )
        elif path.exists():
            lines += _table(title, evaluate(rows, path), held_out)
        else:
            lines += [f"### {title}", "", f"{path.name} is not in this checkout.", ""]
    lines += [HISTORY, "", LABEL_NOTES]
    body = "\n".join(lines)
    print(body)
    if args.write:
        from bench.results import update_section

        update_section(
            "Victims' entitlements table: precision and recall", body, "python bench/victim_scope.py --write"
        )


if __name__ == "__main__":
    main()
