"""Consistency: one word or name spelled two ways in a document or across a run is reported, not rewritten."""

from __future__ import annotations

import json
import re

from pipeline.config import PipelineConfig
from pipeline.detect.base import DetectContext
from pipeline.detect.consistency.corpus import DETECTOR_ID, corpus_flags, with_corpus_flags
from pipeline.detect.consistency.detector import ConsistencyDetector
from pipeline.document import Document, apply_edits
from pipeline.runpass.consistency import update_run_reports

CONFIG = PipelineConfig()

MIXED_SPELLING = (
    "The agency organized buses for the evacuation on Monday, and local clubs organized food deliveries.\n\n"
    "Officials said the shelters were organised late, and churches organized blankets for the night."
)

CLEAN_US = [
    "The defense ministry said its air defense units shot down 12 drones overnight, and the mayor of Kyiv "
    "said nobody was hurt.",
    "Prime Minister Denys Shmyhal met his Polish counterpart in Warsaw; Shmyhal said the talks were useful.",
    "Britain's Labour Party criticized the government's defense review, and the Kennedy Center canceled a "
    "concert honoring veterans.",
    "Russian forces shelled Kharkiv again on Monday, the regional governor said, while fighting continued "
    "near Bakhmut and in the Donbas region.",
    "The organization said it had recognized the problem and would modernize its programs to help "
    "neighboring countries.",
]
CLEAN_UK = [
    "The defence ministry said its forces had organised the evacuation of civilians from Kharkiv, and the "
    "Barbican Centre postponed its programme of concerts.",
    "Analysts said the government had realised that its defence spending would have to rise, a point the "
    "Labour Party has emphasised for months.",
]


def detect(text: str, config: PipelineConfig = CONFIG):
    return list(ConsistencyDetector(config).detect(DetectContext(text, config)))


def test_minority_spelling_in_a_document_is_flagged_with_the_majority_form():
    findings = detect(MIXED_SPELLING)
    assert [MIXED_SPELLING[f.start : f.end] for f in findings] == ["organised"]
    assert findings[0].suggestion == "organized"
    assert findings[0].details["variants"] == {"organized": 3, "organised": 1}
    assert findings[0].category == "consistency" and findings[0].apply is False and findings[0].replacement is None


def test_house_style_overrides_the_majority():
    config = CONFIG.replace(house_style={"organized": "organised"})
    findings = detect(MIXED_SPELLING, config)
    assert [f.suggestion for f in findings] == ["organised", "organised", "organised"]
    assert all(f.details["preferred_by"] == "house style" for f in findings)


def test_capitalised_variant_keeps_its_capital_in_the_suggestion():
    text = (
        "The Regional Organisation Committee met; its organization rules, the organisation budget and the "
        "organization chart were discussed."
    )
    findings = detect(text)
    assert [(text[f.start : f.end], f.suggestion) for f in findings] == [
        ("Organisation", "Organization"),
        ("organisation", "organization"),
    ]


def test_institutions_keeping_their_own_spelling_in_consistent_copy_are_fine():
    text = (
        "The defence ministry said the U.S. Department of Defense had approved the sale, and defence "
        "analysts expected more orders."
    )
    assert detect(text) == []


def test_transliterated_place_names_are_compared():
    text = "Storms hit Odessa on Monday.\n\nThe mayor of Odesa said power in Odesa was restored."
    findings = detect(text)
    assert [(text[f.start : f.end], f.suggestion) for f in findings] == [("Odessa", "Odesa")]


def test_tie_falls_back_to_the_usual_english_form():
    text = "Trains left Lvov at noon. Lviv officials said the station was safe."
    findings = detect(text)
    assert [(text[f.start : f.end], f.suggestion) for f in findings] == [("Lvov", "Lviv")]


def test_given_names_are_compared_only_for_the_same_person():
    two_people = "Andrei Belousov met the army chiefs. Andriy Yermak spoke to the press."
    assert detect(two_people) == []
    same_person = (
        "Aleksei Navalny spoke on Monday. Alexei Navalny's lawyer said on Tuesday that Alexei Navalny would appeal."
    )
    findings = detect(same_person)
    assert [(same_person[f.start : f.end], f.suggestion) for f in findings] == [("Aleksei", "Alexei")]
    assert findings[0].details["entity"].endswith("Navalny")


def test_unlisted_name_romanised_two_ways_is_flagged():
    text = (
        "Presidential adviser Mykhailo Podolyak said talks had stalled. Later Podolyak said the offer "
        "was rejected, and an aide to Podoliak confirmed it."
    )
    findings = detect(text)
    assert [(text[f.start : f.end], f.suggestion) for f in findings] == [("Podoliak", "Podolyak")]


def test_different_people_with_similar_given_names_are_not_mixed_up():
    text = "Andriy Yermak met Andrii Sybiha in Kyiv; Yermak said Sybiha would travel to Washington."
    assert detect(text) == []


def test_official_names_with_british_spelling_do_not_count_in_american_copy():
    text = "Labour Party leaders criticized the labor law; the Barbican Centre is near the city center."
    assert detect(text) == []


def test_clean_copy_in_either_dialect_gets_no_consistency_flag():
    for paragraphs in (CLEAN_US, CLEAN_UK):
        assert detect("\n\n".join(paragraphs)) == []


# --- run level ----------------------------------------------------------------------------------------


def report_for(doc_id: str, text: str) -> dict:
    doc = Document(doc_id, text)
    view = doc.view()
    for finding in ConsistencyDetector(CONFIG).detect(DetectContext(view.text, CONFIG)):
        doc.add_flag(
            view,
            finding.category,
            finding.start,
            finding.end,
            finding.message,
            finding.detector,
            finding.confidence,
            suggestion=finding.suggestion,
            details=finding.details,
        )
    return doc.to_report()


RUN = {
    "a": "Former president Dmitry Medvedev wrote on Monday that the treaty was dead.",
    "b": "Dmitry Medvedev, the deputy head of the council, met envoys in Minsk.",
    "c": "In a post, Dmitri Medvedev called the sanctions theft. Storms hit Odessa.",
    "d": "The governor of Odesa said two people were hurt.",
}


def test_a_name_spelled_differently_in_one_document_of_a_run_is_flagged_there():
    reports = [report_for(k, v) for k, v in RUN.items()]
    flags = corpus_flags(reports, CONFIG)
    assert set(flags) == {"c"}
    found = [(f["text"], f["suggestion"]) for f in flags["c"]]
    assert found == [("Dmitri", "Dmitry"), ("Odessa", "Odesa")]
    assert all(f["detector"] == DETECTOR_ID and f["category"] == "consistency" for f in flags["c"])


def test_run_level_flags_continue_the_document_numbering_and_keep_the_report_replayable():
    reports = {k: report_for(k, v) for k, v in RUN.items()}
    reports["c"]["flags"].append(
        {
            "id": "f7",
            "category": "grammar",
            "start": 0,
            "end": 9,
            "text": "In a post",
            "message": "m",
            "detector": "x",
            "confidence": 0.5,
            "suggestion": None,
        }
    )
    new = corpus_flags(reports.values(), CONFIG)["c"]
    assert [f["id"] for f in new] == [f"f{8 + i}" for i in range(len(new))]
    updated = with_corpus_flags(reports["c"], new)
    for flag in updated["flags"]:
        assert updated["original_text"][flag["start"] : flag["end"]] == flag["text"]
    restored = Document.from_report(updated)
    assert apply_edits(restored.original_text, restored.edits) == updated["cleaned_text"]


def test_run_level_pass_is_idempotent_and_skips_text_removed_by_applied_edits():
    reports = {k: report_for(k, v) for k, v in RUN.items()}
    first = corpus_flags(reports.values(), CONFIG)
    assert first
    again = corpus_flags([with_corpus_flags(r, first.get(k, [])) for k, r in reports.items()], CONFIG)
    assert again == {}  # nothing left to change
    text = RUN["c"]
    start = text.index("Storms")
    reports["c"]["edits"] = [
        {
            "id": "e1",
            "stage": "boilerplate",
            "start": start,
            "end": len(text),
            "before": text[start:],
            "after": "",
            "reason": "r",
            "applied": True,
        }
    ]
    assert [f["text"] for f in corpus_flags(reports.values(), CONFIG)["c"]] == ["Dmitri"]


def test_spelling_pairs_are_compared_across_a_run_only_under_a_house_style():
    reports = [report_for("us", "The defense ministry spoke."), report_for("uk", "The defence ministry spoke.")]
    assert corpus_flags(reports, CONFIG) == {}
    styled = corpus_flags(reports, CONFIG.replace(house_style={"defence": "defense"}))
    assert [f["text"] for f in styled["uk"]] == ["defence"]


def test_update_run_reports_rewrites_changed_reports_and_their_counts(tmp_path):
    from pipeline.io.paths import report_path

    entries = []
    for doc_id, text in RUN.items():
        report = report_for(doc_id, text)
        path = report_path(tmp_path, doc_id)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(report), encoding="utf-8")
        entries.append({"document": doc_id, "ok": True, "flags": {}})
    added = update_run_reports(tmp_path, entries, CONFIG)
    assert added == 2  # Dmitri and Odessa in document c
    rewritten = json.loads(report_path(tmp_path, "c").read_text(encoding="utf-8"))
    assert any(f["detector"] == DETECTOR_ID for f in rewritten["flags"])
    assert entries[2]["flags"]["consistency"] == len(rewritten["flags"])
    assert update_run_reports(tmp_path, entries, CONFIG) == 0  # a second pass changes nothing
    only_c = [e for e in entries if e["document"] in {"c", "d"}]
    update_run_reports(tmp_path, only_c, CONFIG)  # without a and b, Dmitri is no longer the minority
    rewritten = json.loads(report_path(tmp_path, "c").read_text(encoding="utf-8"))
    assert not any(f["detector"] == DETECTOR_ID and f["text"] == "Dmitri" for f in rewritten["flags"])
    assert report_path(tmp_path, "c", ".html").exists()
    assert re.search("Dmitri", report_path(tmp_path, "c", ".html").read_text(encoding="utf-8"))


def test_a_cleaning_run_adds_run_level_flags_to_its_reports(tmp_path):
    from pipeline.cli import main

    folder = tmp_path / "in"
    folder.mkdir()
    for doc_id, text in RUN.items():
        (folder / f"{doc_id}.txt").write_text(text + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["clean", str(folder), str(out), "--stages", "normalize,detect", "--no-progress"]) == 0
    report = json.loads((out / "reports" / "c.txt.json").read_text(encoding="utf-8"))
    corpus = [f for f in report["flags"] if f["detector"] == DETECTOR_ID]
    assert ("Dmitri", "Dmitry") in {(f["text"], f["suggestion"]) for f in corpus}
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["flags"]["consistency"] == len(corpus) == 2
