"""Run-level repetition: lines that many documents of one run share are furniture (CCNet's signal).

The runs are built here: pages of one invented site (a town paper) that share a header, a menu, a
newsletter box and an "about us" blurb, each with its own article.
"""

from __future__ import annotations

import json
from pathlib import Path

import luigi

from pipeline.batch import plan_shards
from pipeline.cli import main
from pipeline.config import PipelineConfig
from pipeline.document import Document
from pipeline.io.sources import RawDocument, iter_documents
from pipeline.runner import DocumentProcessor
from pipeline.runpass.repeated_lines import count_run_lines, line_key, prepare_run, set_digest

HEADER = ["Port Elliot Gazette", "Home", "Local", "Harbour", "Sport", "What's On"]
ABOUT = (
    "The Port Elliot Gazette is an independent weekly paper, owned by a readers' trust, that has "
    "reported on the harbour towns of the south coast since the year the railway came."
)
NEWSLETTER = "Get the week's harbour news in your inbox every Friday morning."
FOOTER = [ABOUT, "Contact the newsroom"]

ARTICLES = {
    "ferry": [
        "Ferry operator adds winter crossings",
        "The island ferry operator will add three winter crossings a week from November, its chief "
        "executive said on Tuesday, after a year of complaints from residents who work on the mainland.",
        "The extra boats will leave the north pier at dawn and come back in the early evening, and fares "
        "will stay at this year's level until the spring, the company said.",
    ],
    "lifeboat": [
        "Lifeboat crew rescues two kayakers",
        "Two kayakers were brought ashore by the volunteer lifeboat crew on Saturday afternoon after the "
        "wind changed and pushed them towards the rocks below the old lighthouse.",
        "The coxswain said both were wearing buoyancy aids and were cold but unhurt, and he asked visitors "
        "to check the forecast before they paddle out beyond the bay.",
    ],
    "market": [
        "Fish market moves to the quay",
        "The weekly fish market will move from the square to the quay in the summer so that boats can "
        "land their catch a few steps from the stalls, the council agreed on Wednesday.",
        "Traders said the move would save them an hour each morning, while shop owners around the square "
        "worried that they would lose the passing trade the market brings.",
    ],
    "school": [
        "Primary school gets a new roof",
        "Builders have started to replace the leaking roof of the primary school on Hill Road, and the work "
        "should be finished before the children return after the summer holidays.",
        "The head teacher thanked parents who raised money for new classroom windows at the same time, "
        "which the education department had refused to pay for last year.",
    ],
    "festival": [
        "Sea shanty festival returns in August",
        "The sea shanty festival returns to the harbour in August after a two-year break, with choirs from "
        "the whole coast booked to sing on a stage built over the slipway.",
        "Organisers hope to draw more visitors than ever, and they have asked the ferry company to run a "
        "late boat on the Saturday night so islanders can stay to the end.",
    ],
}


def site_page(name: str, newsletter: bool = False) -> str:
    lines = HEADER + ARTICLES[name] + ([NEWSLETTER] if newsletter else []) + FOOTER
    return "\n".join(lines) + "\n"


def write_site(folder: Path, with_newsletter: tuple[str, ...] = ()) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in ARTICLES:
        (folder / f"{name}.txt").write_text(site_page(name, name in with_newsletter), encoding="utf-8")
    return folder


def fast_config(tmp_path: Path) -> Path:
    config = tmp_path / "fast.toml"
    config.write_text('stages = ["normalize", "boilerplate"]\n')
    return config


def report(output: Path, doc: str) -> dict:
    return json.loads((output / "reports" / f"{doc}.json").read_text(encoding="utf-8"))


def test_a_line_key_ignores_case_accents_punctuation_and_spacing_but_not_numbers():
    assert line_key("Sign up for our newsletter!") == line_key("  SIGN UP -- for our newsletter ")
    assert line_key("Café des Amis") == line_key("cafe des amis")
    assert line_key("Results: 3 to 1") != line_key("Results: 4 to 1")
    assert line_key("—") == "" and line_key("Staff") == ""


def test_a_line_counts_once_per_document_however_often_it_repeats_there():
    docs = [RawDocument("a", ("Story continues below\n" * 5 + "Some text.\n").encode(), "a")]
    docs.append(RawDocument("b", b"Story continues below\nOther text.\n", "b"))
    run, digests = count_run_lines(lambda: docs, ("cp1252",), min_documents=3)
    assert run.frequent == frozenset() and digests == {}
    run, digests = count_run_lines(lambda: docs, ("cp1252",), min_documents=2)
    assert run.frequent == {line_key("Story continues below")} and set(digests) == {"a", "b"}


def test_the_sites_about_blurb_is_kept_on_one_page_and_removed_as_furniture_in_a_run(tmp_path):
    alone = Document("ferry", site_page("ferry"))
    DocumentProcessor(PipelineConfig(stages=("normalize", "boilerplate"))).stages[1].process(alone)
    assert ABOUT in alone.cleaned_text  # one page cannot tell its blurb from its article

    output = tmp_path / "out"
    assert main(["clean", str(write_site(tmp_path / "site")), str(output), "--config", str(fast_config(tmp_path))]) == 0
    for name, paragraphs in ARTICLES.items():
        cleaned = report(output, f"{name}.txt")["cleaned_text"]
        assert ABOUT not in cleaned and "Port Elliot Gazette\n" not in cleaned
        assert all(p in cleaned for p in paragraphs[1:])
    edits = report(output, "ferry.txt")["edits"]
    (about,) = [e for e in edits if ABOUT in e["before"]]
    assert about["applied"] and "seen on many documents of this run" in about["reason"]


def test_copies_of_one_story_across_the_run_are_not_furniture(tmp_path):
    folder = tmp_path / "wire"
    folder.mkdir()
    story = ARTICLES["lifeboat"][1:]
    outlets = {"times": "Harbour Times", "echo": "Coast Echo", "weekly": "Bay Weekly", "post": "Island Post"}
    for name, outlet in outlets.items():
        (folder / f"{name}.txt").write_text("\n".join([outlet, *story]) + "\n", encoding="utf-8")
    output = tmp_path / "out"
    assert main(["clean", str(folder), str(output), "--config", str(fast_config(tmp_path))]) == 0
    for name in outlets:
        cleaned = report(output, f"{name}.txt")["cleaned_text"]
        assert all(p in cleaned for p in story)


def test_a_shared_line_in_the_middle_of_the_article_is_flagged_not_removed(tmp_path):
    folder = tmp_path / "site"
    folder.mkdir()
    shared = "Readers can send news tips to the newsroom on the quay at any time of the day or night."
    for name, (title, first, second) in ARTICLES.items():
        (folder / f"{name}.txt").write_text("\n".join([title, first, shared, second]) + "\n", encoding="utf-8")
    output = tmp_path / "out"
    assert main(["clean", str(folder), str(output), "--config", str(fast_config(tmp_path))]) == 0
    result = report(output, "market.txt")
    assert shared in result["cleaned_text"]
    assert [f["details"]["kind"] for f in result["flags"] if f["text"] == shared] == ["repeated"]


def test_the_pass_is_off_with_zero_documents(tmp_path):
    config = tmp_path / "off.toml"
    config.write_text('stages = ["normalize", "boilerplate"]\nrepeated_line_documents = 0\n')
    output = tmp_path / "out"
    assert main(["clean", str(write_site(tmp_path / "site")), str(output), "--config", str(config)]) == 0
    assert ABOUT in report(output, "school.txt")["cleaned_text"]


def test_a_changed_run_recomputes_only_the_documents_whose_shared_lines_changed(tmp_path):
    """The newsletter line is on two pages (not frequent), then a third page gets it: it becomes
    frequent on those three pages, whose boilerplate stage reruns; the other two reuse their cache."""
    site = write_site(tmp_path / "site", with_newsletter=("ferry", "lifeboat"))
    cache = tmp_path / "cache"
    config = tmp_path / "cached.toml"
    config.write_text(f'stages = ["normalize", "boilerplate"]\ncache_dir = "{cache}"\n')
    assert main(["clean", str(site), str(tmp_path / "night1"), "--config", str(config)]) == 0
    assert NEWSLETTER in report(tmp_path / "night1", "ferry.txt")["cleaned_text"]

    (site / "market.txt").write_text(site_page("market", newsletter=True), encoding="utf-8")
    assert main(["clean", str(site), str(tmp_path / "night2"), "--config", str(config)]) == 0
    summary = json.loads((tmp_path / "night2" / "summary.json").read_text())
    assert summary["stage_work"] == {"normalize": 1, "boilerplate": 3}
    assert summary["cache_hits"] == {"normalize": 4, "boilerplate": 2}
    assert NEWSLETTER not in report(tmp_path / "night2", "ferry.txt")["cleaned_text"]

    assert main(["clean", str(site), str(tmp_path / "night3"), "--config", str(config)]) == 0
    again = json.loads((tmp_path / "night3" / "summary.json").read_text())
    assert not any(again["stage_work"].values()) and again["cache_hits"] == {"normalize": 5, "boilerplate": 5}


def test_shard_keys_change_only_for_documents_whose_shared_lines_changed(tmp_path):
    site = write_site(tmp_path / "site", with_newsletter=("ferry", "lifeboat"))
    config = PipelineConfig(stages=("normalize", "boilerplate"))

    def keys() -> dict[str, str]:
        run, digests = prepare_run(config, lambda: iter_documents(site, config.max_bytes), tmp_path / "lines")
        return {plan.doc_ids[0]: plan.key for plan in plan_shards(str(site), run, 1, digests)}

    before = keys()
    (site / "market.txt").write_text(site_page("market", newsletter=True), encoding="utf-8")
    after = keys()
    changed = {doc for doc in before if before[doc] != after[doc]}
    assert changed == {"ferry.txt", "lifeboat.txt", "market.txt"}


def test_a_document_with_no_shared_line_keeps_the_key_it_has_outside_a_run():
    assert set_digest([]) == "" and set_digest(["b", "a"]) == set_digest(["a", "b", "a"])


def test_luigi_shards_read_the_runs_shared_lines(tmp_path):
    from tasks import CleanAll

    site = write_site(tmp_path / "site")
    output = tmp_path / "out"
    luigi.task_register.Register.clear_instance_cache()
    task = CleanAll(input_dir=str(site), output_dir=str(output), shard_size=2, config_file=str(fast_config(tmp_path)))
    assert luigi.build([task], local_scheduler=True, log_level="WARNING")
    assert list((output / ".postedit" / "run-lines").glob("*.json"))
    for name in ARTICLES:
        assert ABOUT not in report(output, f"{name}.txt")["cleaned_text"]
