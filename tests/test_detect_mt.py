"""The MT-artefact detectors: they find translation calques and stay silent on clean wire copy."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.config import PipelineConfig
from pipeline.detect.base import DetectContext, Finding
from pipeline.detect.mt.capitalised_terms import CapitalisedTermDetector
from pipeline.detect.mt.false_friends import FalseFriendDetector, rules
from pipeline.detect.mt.first_name import FirstNameReferenceDetector
from pipeline.detect.mt.nationality_article import NationalityArticleDetector
from pipeline.detect.mt.titles import OfficialTitleDetector
from pipeline.detect.mt.word_order import WordOrderCalqueDetector, english_order, is_title_case_line
from pipeline.detect.mt.word_order_lm import LMWordOrderDetector

CONFIG = PipelineConfig()

# Clean, well-edited wire-style copy written for these tests: full of names, nationalities, titles and
# institutions that look like the artefacts but are correct English.
CLEAN_NEWS = [
    "U.S. Defense Secretary Pete Hegseth met Russian Defense Minister Andrei Belousov's deputy on Monday, "
    "the Pentagon said, in the first contact between the two defense ministries in more than a year.",
    "The International Committee of the Red Cross said its staff had reached the besieged city on Tuesday "
    "and evacuated about 300 civilians, most of them elderly, in a convoy of buses and private cars.",
    "The Portuguese government said on Wednesday it would raise the minimum wage by 6% next year, "
    "while the Spanish Prime Minister Pedro Sanchez announced new housing subsidies.",
    "United Nations Secretary-General Antonio Guterres, a former Portuguese prime minister, urged both "
    "sides to allow aid convoys through and warned that the humanitarian situation was deteriorating.",
    "Amnesty International and Human Rights Watch accused the security forces of using excessive force "
    "against protesters, a charge the Interior Ministry denied in a statement late on Thursday.",
    "The European Central Bank left interest rates unchanged on Thursday, and its president, Christine "
    "Lagarde, said inflation in the euro zone was falling faster than policymakers had expected.",
    "Manchester United beat Aston Villa 2-1 at Old Trafford on Saturday, with the Brazilian winger scoring "
    "the winner in stoppage time after the visitors had dominated the second half.",
    "The German Marshall Fund, a Washington think tank, said in a report that European defense spending "
    "rose to its highest level since the end of the Cold War, led by Poland and the Baltic states.",
    "Officials at the White House said President Joe Biden would travel to the Black Sea region next month "
    "to meet NATO allies, the first such visit by an American president in two decades.",
    "The Supreme Court agreed on Monday to hear a challenge to the federal law, setting up a ruling that "
    "is expected before the court's term ends in June, lawyers for both sides said.",
    "Police said the driver lost control of the car on the wet road near the border town and struck a "
    "parked truck; two passengers were taken to hospital with minor injuries.",
    "The Ukrainian Foreign Minister Dmytro Kuleba told reporters in Brussels that Kyiv needed more air "
    "defense systems before the winter, when Russian strikes on the power grid were expected to intensify.",
    "The actual number of casualties is likely to be higher, the regional governor said, because rescue "
    "teams had not yet reached several villages cut off by the floods.",
    "The French Open champion said she would skip the tournament in Rome to rest a shoulder injury, her "
    "agent said in a statement posted on social media.",
    "The National Guard was deployed to the capital after two nights of unrest, and the mayor imposed a "
    "curfew from 10 p.m. until 6 a.m. that will remain in place through the weekend.",
    "The World Health Organization said the outbreak was under control, although it warned that vaccination "
    "rates in the region remained too low to prevent new cases among children.",
    "Russian forces shelled the eastern town overnight, damaging homes and cars, the regional administration "
    "said, adding that nobody had been killed.",
    "Italian Prime Minister Giorgia Meloni and French President Emmanuel Macron discussed migration at a "
    "summit in Rome, where the European Union's leaders also agreed on a new budget framework.",
    "Britain's Ministry of Defence said in its daily intelligence update that Russia had probably lost "
    "several hundred armored vehicles in the fighting around the town since October.",
    "Kremlin spokesman Dmitry Peskov told reporters that President Vladimir Putin had no plans to meet "
    "the Ukrainian leader, and Peskov declined to say whether a prisoner exchange was being prepared.",
    "The International Monetary Fund approved a $15.6 billion loan for Ukraine on Friday, the first such "
    "program for a country at war, the fund's managing director, Kristalina Georgieva, said.",
    "Mexico's Secretary of Defense said the army would send 10,000 more troops to the northern border, "
    "where cartels have fought for control of smuggling routes.",
    "Italy's Antonio Tajani, a former European Parliament president, was named foreign minister; he "
    "said Italy would keep supporting Kyiv and visit the British Virgin Islands and the American Bar "
    "Association in the autumn.",
    "Engineers had to realize the limits of the old dam, the report said, and the eventual cost of "
    "repairs could exceed $2 billion, according to the state's budget office.",
    "Ukraine's military said air defenses shot down 21 of 24 drones launched overnight, and debris damaged "
    "power lines and several cars in the Kyiv region, where three people were injured.",
    "Sales of new cars in Europe rose 8% in the first quarter, led by electric models, the European "
    "Automobile Manufacturers' Association said on Thursday.",
    "Defense Secretary Lloyd Austin said the United States would keep sending artillery shells, and Austin "
    "added that allies had pledged air defense systems at the Ramstein meeting.",
    "Shares of the Spanish lender rose 3% after the Bank of Spain said it saw no risk to financial "
    "stability from the takeover, and the European Central Bank said it would review the deal.",
    "Human rights groups say thousands of people have been detained since the protests began three weeks "
    "ago, many of them students, and lawyers say some have been denied access to counsel.",
    "The Blue Jays beat the Red Sox 5-3 on Sunday, and the club said its new stadium in Toronto would "
    "open next season after two years of construction delays.",
    "Finland's president said the country would host a NATO land forces command, and the Finnish "
    "parliament is expected to approve the plan in the autumn, officials said.",
    "Chinese Foreign Minister Wang Yi met Secretary of State Marco Rubio in Kuala Lumpur, their first "
    "face-to-face meeting, and both sides described the talks as candid and constructive.",
    "Rescuers pulled 12 people from the rubble of the building, where residents had sheltered in the "
    "basement during the strike, the State Emergency Service said.",
    "The White House said the president would sign the bill on Friday, and the Senate Democratic leader "
    "said the House Republican leadership had agreed to the changes late on Wednesday.",
    "The eventual winner of the primary will face the incumbent governor in November, in a race that "
    "analysts expect to be the most expensive in the state's history.",
]


def run(detector_class, text: str) -> list[Finding]:
    return list(detector_class(CONFIG).detect(DetectContext(text, CONFIG)))


def run_with(detector_class, text: str, config: PipelineConfig) -> list[Finding]:
    return list(detector_class(config).detect(DetectContext(text, config)))


def flagged(findings: list[Finding], text: str) -> list[str]:
    return [text[f.start : f.end] for f in findings]


def words(texts: list[str]) -> int:
    return sum(len(re.findall(r"\S+", t)) for t in texts)


# --- word order -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, span, suggestion",
    [
        (
            "He asked the Cross Red International to help evacuate civilians.",
            "Cross Red International",
            "International Red Cross",
        ),
        (
            "Analysts expect the Bank Central European to raise rates again.",
            "Bank Central European",
            "European Central Bank",
        ),
        (
            "The talks were held at the headquarters of the Nations United in Geneva.",
            "Nations United",
            "United Nations",
        ),
        ("Troops of the Army Russian crossed the river at dawn.", "Army Russian", "Russian Army"),
    ],
)
def test_adjective_after_noun_in_a_name_is_a_word_order_calque(text, span, suggestion):
    findings = run(WordOrderCalqueDetector, text)
    assert flagged(findings, text) == [span]
    assert findings[0].suggestion == suggestion
    assert findings[0].category == "mt_artefact" and findings[0].apply is False and findings[0].replacement is None


@pytest.mark.parametrize(
    "text, span, suggestion",
    [
        (
            "Experts from the Organization World of Health arrived.",
            "Organization World of Health",
            "World Health Organization",
        ),
        (
            "Diplomats said the Council of Security met on Friday to discuss the draft resolution.",
            "Council of Security",
            "Security Council",
        ),
    ],
)
def test_reordered_well_known_name_is_flagged_with_its_english_order(text, span, suggestion):
    findings = run(WordOrderCalqueDetector, text)
    assert [(text[f.start : f.end], f.suggestion) for f in findings] == [(span, suggestion)]


def test_known_names_in_their_own_order_are_fine():
    assert run(WordOrderCalqueDetector, "UNITED NATIONS, May 14 (Reuters) - The council met on Thursday.") == []
    text = (
        "The World Health Organization, the UN Security Council, the International Committee of the Red "
        "Cross and the Federal Bureau of Investigation issued statements."
    )
    assert run(WordOrderCalqueDetector, text) == []


def test_reordering_into_a_known_name_is_more_certain():
    known = run(WordOrderCalqueDetector, "Aid came from the Cross Red International.")[0]
    unknown = run(WordOrderCalqueDetector, "Aid came from the Agency Nuclear Regional.")[0]
    assert known.confidence > unknown.confidence


def test_english_order_mirrors_the_romance_order():
    assert english_order(["Union", "European"]) == "European Union"


def test_headlines_in_title_case_are_not_read_as_calques():
    assert is_title_case_line("Russian Army Faces Ukrainian Counteroffensive Near Kharkiv")
    assert run(WordOrderCalqueDetector, "Ukraine Army Russian Troops Clash Near Border Town") == []


def test_postposed_general_and_international_in_english_names_are_fine():
    text = "The Attorney General and Amnesty International spoke after the Secretary General of NATO arrived."
    assert run(WordOrderCalqueDetector, text) == []


@pytest.mark.slow
def test_language_model_confirms_calques_outside_the_lexicon_and_rejects_name_reversals():
    text = (
        "Officials of the Party Republican met on Monday, and Novak Djokovic said he would play "
        "in Belgrade after Nikola Jokic was named the league's most valuable player."
    )
    detector = LMWordOrderDetector(CONFIG)
    candidates = [text[s:e] for s, e, _ in detector.candidates(DetectContext(text, CONFIG))]
    assert "Party Republican" in candidates
    findings = run(LMWordOrderDetector, text)
    assert [(text[f.start : f.end], f.suggestion) for f in findings] == [("Party Republican", "Republican Party")]
    assert findings[0].details["lm_gain"] >= 8


def test_language_model_check_is_off_when_the_rewriter_does_not_run():
    text = "Officials of the Party Republican met on Monday."
    assert run_with(LMWordOrderDetector, text, CONFIG.replace(rewrite=False)) == []
    assert run_with(LMWordOrderDetector, text, CONFIG.replace(stages=("normalize", "detect"))) == []


# --- article + nationality + name ---------------------------------------------------------------------


def test_article_and_nationality_before_a_person_is_flagged():
    text = "The proposal came from the head of the UN, the Portuguese Antonio Guterres, on Tuesday."
    findings = run(NationalityArticleDetector, text)
    assert flagged(findings, text) == ["the Portuguese Antonio Guterres"]
    assert "Antonio Guterres" in findings[0].suggestion and not findings[0].suggestion.startswith(
        "the Portuguese Antonio"
    )
    assert "Portugal's Antonio Guterres" in findings[0].details["alternatives"]


@pytest.mark.parametrize(
    "text, span",
    [
        ("Talks were led by the American Lloyd Austin, officials said.", "the American Lloyd Austin"),
        ("He met the Russian Sergei Lavrov on Monday.", "the Russian Sergei Lavrov"),
    ],
)
def test_article_and_nationality_before_names_spacy_misreads_are_flagged(text, span):
    assert flagged(run(NationalityArticleDetector, text), text) == [span]


def test_nationality_before_a_common_noun_or_title_is_fine():
    text = (
        "The Portuguese government and the Russian Foreign Minister Sergei Lavrov met the French "
        "delegation, and the German Marshall Fund published a report."
    )
    assert run(NationalityArticleDetector, text) == []


# --- capitalised translated terms ---------------------------------------------------------------------


def test_capitalised_translated_terms_are_flagged_with_the_lower_case_form():
    text = "The deployment of the UN Blue Helmets was discussed on the Social Networks of the ministry."
    findings = run(CapitalisedTermDetector, text)
    assert flagged(findings, text) == ["Blue Helmets", "Social Networks"]
    assert [f.suggestion for f in findings] == ["blue helmets", "social networks"]


def test_a_term_inside_a_longer_name_is_left_alone():
    assert run(CapitalisedTermDetector, "She works for the Blue Helmets Foundation in Oslo.") == []
    assert run(CapitalisedTermDetector, "Peacekeepers, known as blue helmets, arrived.") == []


# --- false friends and literal translations -----------------------------------------------------------


@pytest.mark.parametrize(
    "text, span, suggestion",
    [
        ("Troops tried to disembark north of the river toward the city.", "disembark", "push"),
        ("Drones destroyed four Russian cars near the front line.", "cars", "vehicles"),
        ("The minister warned of an eventual invasion of the island.", "eventual", "possible"),
        ("The actual government has promised new elections.", "actual", "current"),
        ("The country will celebrate presidential elections in May.", "celebrate", "hold"),
        ("The army lost dozens of units of military technique in the battle.", "technique", "equipment"),
        ("Missiles hit energy objects in three regions overnight.", "objects", "facilities"),
        ("He has lived in the capital since three years, his lawyer said.", "since", "for"),
        ("The ministry also said so Moscow is preparing a new offensive.", "said so", "said"),
        (
            "“We were unable to reach them due to lack of effort,” the official said.",
            "due to lack of effort",
            "but not for lack of trying",
        ),
        ("The North American president spoke to reporters in Lima.", "North American", "US"),
        ("Russian Chancellor Sergei Lavrov flew to Ankara.", "Chancellor", "Foreign Minister"),
        (
            "He met the head of Ukrainian diplomacy on Monday.",
            "the head of Ukrainian diplomacy",
            "the Ukrainian foreign minister",
        ),
        ("The president assured that the troops would stay.", "assured", "said"),
        (
            "In declarations to Reuters, the minister said the Security Council of the UN would meet.",
            "the Security Council of the UN",
            "the UN Security Council",
        ),
        (
            "The families are refugees where about 200 civilians are refugees in the basement.",
            "are refugees",
            "have taken refuge",
        ),
    ],
)
def test_false_friends_are_flagged_with_the_intended_english(text, span, suggestion):
    findings = run(FalseFriendDetector, text)
    assert span in flagged(findings, text)
    assert next(f for f in findings if text[f.start : f.end] == span).suggestion == suggestion


@pytest.mark.parametrize(
    "text",
    [
        "The actual number of victims is higher, officials said.",
        "The eventual winner will face the incumbent in November.",
        "Passengers began to disembark after the ferry docked.",
        "Sales of Russian cars fell by a third last year, the association said.",
        "Prices have risen since 2014, and since three years ago the trend has sped up.",
        "He said so himself.",
        "The president assured reporters that the troops would stay, and the machines at the plant were idle.",
        "German Chancellor Olaf Scholz and British Chancellor Rishi Sunak met in Berlin.",
        "The Executive Committee of the party met, and its executive director resigned.",
        "The project failed due to lack of effort by the contractor, the audit found.",
        "The strikes damaged civilian objects, including schools, the U.N. monitors said.",
        "The actual situation on the ground is worse, aid workers said.",
    ],
)
def test_correct_english_uses_of_the_same_words_are_not_flagged(text):
    assert run(FalseFriendDetector, text) == []


def test_false_friend_alternatives_reach_the_rewriter_in_the_flag_details():
    text = "Disembark south, the commander ordered."
    findings = run(FalseFriendDetector, text)
    assert findings[0].suggestion == "Push"
    assert findings[0].details["alternatives"] == ["Push", "Advance", "Move"]


def test_a_name_inside_a_literal_formula_is_kept_in_the_suggestion():
    text = "An official spoke on condition of anonymity due to basic NATO rules about the talks."
    findings = run(FalseFriendDetector, text)
    assert [(text[f.start : f.end], f.suggestion) for f in findings] == [
        ("due to basic NATO rules", "under ground rules set by NATO")
    ]
    text = "He spoke on condition of anonymity according to key Pentagon rules."
    assert [f.suggestion for f in run(FalseFriendDetector, text)] == ["under ground rules set by the Pentagon"]


def test_every_false_friend_rule_names_its_source_languages_and_english():
    assert len(rules()) >= 20
    for rule in rules():
        assert rule.source and rule.message
        assert 0 < rule.confidence < 1


# --- official titles ----------------------------------------------------------------------------------


def test_us_secretary_called_minister_is_flagged_by_holder_and_by_adjective():
    text = "Defense Minister Pete Hegseth met allies. The U.S. Foreign Minister arrived later."
    findings = run(OfficialTitleDetector, text)
    assert [(text[f.start : f.end], f.suggestion) for f in findings] == [
        ("Defense Minister", "Defense Secretary"),
        ("Foreign Minister", "Secretary of State"),
    ]


def test_minister_country_called_secretary_is_flagged():
    text = "Russian Secretary of Defense Andrei Belousov visited the front."
    findings = run(OfficialTitleDetector, text)
    assert [(text[f.start : f.end], f.suggestion) for f in findings] == [("Secretary of Defense", "Defense Minister")]


def test_correct_titles_are_left_alone():
    text = (
        "U.S. Secretary of State Marco Rubio met Russian Foreign Minister Sergey Lavrov, and British "
        "Defence Secretary John Healey spoke to Ukrainian Defense Minister Rustem Umerov."
    )
    assert run(OfficialTitleDetector, text) == []


# --- first-name references ----------------------------------------------------------------------------


def test_person_called_by_first_name_after_full_introduction_is_flagged():
    text = (
        "Defense Secretary Pete Hegseth arrived in Brussels on Monday.\n\n"
        "“We will not back down,” Pete said on Tuesday, and when Pete told the allies he would stay, "
        "Secretary Pete said nothing."
    )
    findings = run(FirstNameReferenceDetector, text)
    assert flagged(findings, text) == ["Pete", "Pete"]
    assert findings[0].suggestion == "Hegseth"


def test_surname_references_and_full_names_are_fine():
    text = "Defense Secretary Pete Hegseth arrived on Monday. Hegseth said Pete Hegseth's team was ready."
    assert run(FirstNameReferenceDetector, text) == []


# --- clean copy ---------------------------------------------------------------------------------------

DETECTORS = [
    WordOrderCalqueDetector,
    NationalityArticleDetector,
    CapitalisedTermDetector,
    FalseFriendDetector,
    OfficialTitleDetector,
    FirstNameReferenceDetector,
    LMWordOrderDetector,
]


@pytest.mark.parametrize("detector_class", DETECTORS, ids=lambda d: d.id)
def test_clean_wire_copy_gets_at_most_one_flag_per_thousand_words(detector_class):
    text = "\n\n".join(CLEAN_NEWS)
    findings = run(detector_class, text)
    assert len(findings) <= words(CLEAN_NEWS) / 1000, flagged(findings, text)


def test_all_mt_detectors_together_stay_under_one_flag_per_thousand_words_of_clean_copy():
    text = "\n\n".join(CLEAN_NEWS)
    findings = [f for detector_class in DETECTORS for f in run(detector_class, text)]
    assert len(findings) <= words(CLEAN_NEWS) / 1000, flagged(findings, text)


_VOCABULARY = [
    "the",
    "Portuguese",
    "Antonio",
    "Guterres",
    "Cross",
    "Red",
    "International",
    "Defense",
    "Minister",
    "Lloyd",
    "Austin",
    "said",
    "so",
    "Ukraine",
    "is",
    "disembark",
    "south",
    "Russian",
    "cars",
    "destroyed",
    "Blue",
    "Helmets",
    "Organization",
    "World",
    "of",
    "Health",
    "assured",
    "that",
    "\n",
    "\n\n",
    ".",
    ",",
    "“",
    "”",
    "’s",
    "ÿ",
    "\u200b",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_VOCABULARY), max_size=80))
def test_findings_are_unapplied_flags_inside_the_text(tokens):
    text = " ".join(tokens)
    for detector_class in DETECTORS[:-1]:  # the LM check is exercised above; here only the patterns
        for finding in run(detector_class, text):
            assert 0 <= finding.start < finding.end <= len(text)
            assert finding.category == "mt_artefact" and finding.apply is False and finding.replacement is None
