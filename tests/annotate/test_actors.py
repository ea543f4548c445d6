"""Actor and person linking over invented sentences, with the packaged Syria profile.

Every mention is checked by slicing the original text with its span: the surface
form is the framing signal, so it must come back exactly as written.
"""

from __future__ import annotations

import gc
import weakref

import pytest

from palmyra.annotate.actor_matcher import ActorMatcher
from palmyra.annotate.actors import actor_mentions
from palmyra.annotate.names import name_key, surname_forms
from palmyra.context import DocContext
from palmyra.model import CleanText, Document, Mention
from palmyra.profiles import load_profile


@pytest.fixture(scope="module")
def syria():
    return load_profile("syria")


def link(nlp, text: str, profile=None, segments=None, **settings) -> list[Mention]:
    clean = CleanText.from_segments(text, segments or [(0, len(text))])
    doc = Document(id="t", text=text, sources=[], format="txt", clean=clean)
    ctx = DocContext(document=doc, profile=profile, settings=settings)
    mentions = actor_mentions(nlp(clean.text), ctx)
    for m in mentions:
        assert text[m.span.start : m.span.end] == m.text
    return mentions


def by_text(mentions: list[Mention]) -> dict[str, Mention]:
    return {m.text: m for m in mentions}


@pytest.mark.parametrize(
    "text,surface,canonical,register",
    [
        ("Syrian government forces retook the town.", "Syrian government forces",
         "Military Forces of Syria", "neutral"),
        ("The Syrian Arab Army entered the city.", "Syrian Arab Army",
         "Military Forces of Syria", "neutral"),
        ("Regime forces shelled the market.", "Regime forces", "Military Forces of Syria",
         "hostile"),
        ("The patriotic forces pressed on.", "patriotic forces", "Military Forces of Syria",
         "favourable"),
        ("Pro-Assad forces entered the city.", "Pro-Assad forces", "Military Forces of Syria",
         "neutral"),
        ("Assad's forces withdrew overnight.", "Assad's forces", "Military Forces of Syria",
         "hostile"),
        ("The regime denied the report.", "The regime", "Government of Syria", "hostile"),
        ("The Syrian government denied the report.", "Syrian government",
         "Government of Syria", "neutral"),
        ("Russian war planes struck the convoy.", "Russian war planes",
         "Military Forces of Russia", "neutral"),
        ("US air forces conducted strikes near the border.", "US air forces",
         "Military Forces of the United States", "neutral"),
        ("The US-backed Syrian Democratic Forces advanced.", "US-backed Syrian Democratic Forces",
         "Syrian Democratic Forces", "neutral"),
        ("Daesh lost ground in the east.", "Daesh", "Islamic State", "hostile"),
        ("The so-called Islamic State lost ground.", "so-called Islamic State", "Islamic State",
         "hostile"),
        ("IS claimed the attack.", "IS", "Islamic State", "neutral"),
        ("The ‘opposition’ walked out of the talks.", "‘opposition’", "Syrian Opposition",
         "hostile"),
        ("The Western press blames ‘regime forces’ for everything.", "‘regime forces’",
         "Military Forces of Syria", "favourable"),
        ("Moderate rebels held the hill.", "Moderate rebels", "Opposition Rebels (Syria)",
         "favourable"),
        ("A unit known as ‘Isis Hunters’ took the plant.", "Isis Hunters",
         "Military Forces of Syria", "neutral"),
        ("al-Nusra terrorists fired shells at the school.", "al-Nusra terrorists",
         "Jabhat al-Nusra", "hostile"),
        ("Armed gangs looted the depot.", "Armed gangs", "Opposition Rebels (Syria)", "hostile"),
        ("Hizbollah fighters joined the offensive.", "Hizbollah fighters", "Hezbollah",
         "neutral"),
        ("Damascus rejected the proposal.", "Damascus", "Government of Syria", "neutral"),
        # a possessive whose apostrophe the source lost (FA-KES): "Russias", "Assads"
        ("Russias aerospace forces hit the depot.", "Russias aerospace forces",
         "Military Forces of Russia", "neutral"),
        ("Assads troops shelled the camp.", "Assads troops", "Military Forces of Syria",
         "hostile"),
        ("The Syrian Arab Air Force bombed the convoy.", "Syrian Arab Air Force",
         "Military Forces of Syria", "neutral"),
    ],
)  # fmt: skip
def test_actors_link_surface_to_canonical(nlp, syria, text, surface, canonical, register):
    mention = by_text(link(nlp, text, syria))[surface]
    assert mention.kind == "actor"
    assert (mention.value.canonical, mention.value.register) == (canonical, register)
    assert register == "neutral" or mention.value.reason


@pytest.mark.parametrize(
    "text,absent",
    [
        ("Aid convoys reached Damascus on Friday.", "Damascus"),  # a place, not the government
        ("This is what it is.", "is"),  # "IS" matches only in capitals
        ("Settlers moved into the West Bank.", "the West"),  # inside a longer place name
    ],
)
def test_actors_names_that_are_not_actors(nlp, syria, text, absent):
    assert absent not in by_text(link(nlp, text, syria))


def test_actors_group_name_the_model_took_for_a_place(nlp, syria):
    """The small model labels "the Fateh al-Sham Front" a facility; a name ending in a
    group's noun is the group, so the alias inside it still links."""
    mentions = link(nlp, "Idlib is run by an alliance of rebel groups including the Fateh"
                    " al-Sham Front which changed its name last year.", syria)
    assert by_text(mentions)["Fateh al-Sham"].value.canonical == "Jabhat al-Nusra"


def test_actors_longest_name_wins(nlp, syria):
    mentions = link(nlp, "Troops clashed with the regime forces near the airport.", syria)
    assert [m.text for m in mentions] == ["regime forces"]


@pytest.mark.parametrize(
    "text,surface,canonical,rule",
    [
        ("Daesh held the airport. After a long firefight, the terrorists fled.", "terrorists",
         "Islamic State", "descriptor.context"),
        ("Troops retook the town from mercenaries affiliated with the Islamic State.",
         "mercenaries", "Islamic State", "descriptor.phrase"),
        ("The terrorists shelled a school.", "terrorists", "Opposition Rebels (Syria)",
         "descriptor.default"),
        ("The FSA moved north. The rebels took two villages.", "rebels", "Free Syrian Army",
         "descriptor.context"),
        ("The HNC walked out, and the terrorists shelled a school.", "terrorists",
         "Opposition Rebels (Syria)", "descriptor.default"),  # negotiators are not fighters
    ],
)  # fmt: skip
def test_actors_descriptor_takes_referent_from_context(nlp, syria, text, surface, canonical, rule):
    mention = by_text(link(nlp, text, syria))[surface]
    assert (mention.value.canonical, mention.rule) == (canonical, rule)


@pytest.mark.parametrize(
    "text",
    [
        # SANA dispatches string items together (gold train, trimmed): the terrorists of
        # the Damascus item are not the ISIL of the Deir Ezzor item before it
        "Earlier ISIL terrorists killed two more citizens in al-Hessan village. In Damascus"
        " three women were wounded in a mortar attack by terrorists on al-Shaghour.",
        "ISIL terrorists fired several rocket shells on al-Qusour. Aleppo In the same context"
        " a woman was killed when terrorists fired rocket shells on al-Midan.",
    ],
)
def test_actors_descriptor_stays_in_its_item(nlp, syria, text):
    """A descriptor after an item's opener ("In Damascus", "In the same context") takes no
    group named in the items before it: its default stands."""
    found = [m for m in link(nlp, text, syria) if m.text == "terrorists"]
    assert (found[-1].value.canonical, found[-1].rule) == (
        "Opposition Rebels (Syria)", "descriptor.default")


def test_actors_descriptor_links_back_within_its_item(nlp, syria):
    """"In" before a date or a lower-case word opens no item: the group stays linked."""
    text = "ISIL terrorists stormed al-Qusour. In the morning, the terrorists fired shells."
    found = [m for m in link(nlp, text, syria) if m.text == "terrorists"]
    assert found[-1].value.canonical == "Islamic State"


def test_actors_descriptor_after_a_group_modifier_names_the_group(nlp):
    """An armed group's modifier word before a descriptor names the group ("Houthi
    fighters"); a state's does not ("Yemeni fighters" may be anyone's)."""
    yemen = load_profile("yemen")
    text = "Houthi fighters attacked government positions near Marib as Yemeni fighters fled."
    mentions = by_text(link(nlp, text, yemen))
    assert (mentions["Houthi fighters"].value.canonical,
            mentions["Houthi fighters"].rule) == ("Houthis", "descriptor.modifier")
    assert "Yemeni fighters" not in mentions


def test_actors_descriptor_without_default_needs_context(nlp, syria):
    assert "militants" not in by_text(link(nlp, "The militants withdrew at dawn.", syria))


@pytest.mark.parametrize(
    "text,surface,register",
    [
        ("Jabhat al-Nusra jihadists attacked the base.", "Jabhat al-Nusra jihadists", "neutral"),
        ("The jihadists attacked the base.", "jihadists", "hostile"),
    ],
)
def test_actors_descriptor_neutral_for_accurate_side(nlp, syria, text, surface, register):
    assert by_text(link(nlp, text, syria))[surface].value.register == register


def test_actors_context_window_is_a_setting(nlp, syria):
    text = "Daesh held the airport. The siege went on. The terrorists fled."
    assert by_text(link(nlp, text, syria))["terrorists"].value.canonical != "Islamic State"
    wide = link(nlp, text, syria, actor_context_sentences=2)
    assert by_text(wide)["terrorists"].value.canonical == "Islamic State"


def test_actors_span_maps_through_cleaning(nlp, syria):
    text = "SHARE THIS\nRegime forces shelled the market."
    mentions = link(nlp, text, syria, segments=[(11, len(text))])
    assert [(m.text, m.span.start) for m in mentions] == [("Regime forces", 11)]


def test_actors_without_profile_come_from_ner(nlp):
    text = "The Free Syrian Army attacked Russian forces near the town."
    mentions = by_text(link(nlp, text, None))
    assert mentions["Free Syrian Army"].value.canonical == "Free Syrian Army"
    assert mentions["Free Syrian Army"].rule == "generic.armed_org"  # the subject of attacks
    assert mentions["Russian forces"].value.canonical == "Military Forces of Russia"
    assert mentions["Russian forces"].rule == "generic.state_forces"
    assert all(m.value.register is None for m in mentions.values())


def test_actors_place_names_are_not_organisations(nlp):
    text = "Fighting spread to Jableh, the Knights of Righteousness said."
    assert "Jableh" not in by_text(link(nlp, text, None, place_names={"Jableh"}))


def test_actor_matcher_built_once_per_profile(nlp, syria):
    assert ActorMatcher.for_profile(syria, nlp.vocab) is ActorMatcher.for_profile(syria, nlp.vocab)
    other = load_profile("syria")
    assert ActorMatcher.for_profile(other, nlp.vocab) is not ActorMatcher.for_profile(
        syria, nlp.vocab
    )


def test_actor_matcher_freed_with_its_profile(nlp):
    profile = load_profile("syria")
    ActorMatcher.for_profile(profile, nlp.vocab)
    ref = weakref.ref(profile)
    del profile
    gc.collect()
    assert ref() is None


# --- persons -------------------------------------------------------------------------


def persons(mentions: list[Mention]) -> list[tuple[str, str]]:
    return [(m.text, m.value.canonical) for m in mentions if m.kind == "person"]


def test_persons_one_per_document(nlp, syria):
    text = (
        "US Secretary of State John Kerry spoke on Sunday. Kerry said the talks would "
        "resume, and Mr Kerry left for Geneva."
    )
    mentions = link(nlp, text, syria)
    assert persons(mentions) == [
        ("John Kerry", "John Kerry"),
        ("Kerry", "John Kerry"),
        ("Mr Kerry", "John Kerry"),
    ]
    assert by_text(mentions)["John Kerry"].value.reason == "US Secretary of State"
    assert by_text(mentions)["John Kerry"].value.side == "us_coalition"


@pytest.mark.parametrize(
    "text,surface,canonical,role",
    [
        ("UN envoy Staffan de Mistura arrived in Geneva.", "Staffan de Mistura",
         "Staffan de Mistura", "UN envoy"),
        ("Russian Federation president Vladimir Putin explained the plan.", "Vladimir Putin",
         "Vladimir Putin", "Russian Federation president"),
        ("Syria's ambassador to the UN, Bashar al-Jaafari, shook hands.", "Bashar al-Jaafari",
         "Bashar al-Jaafari", "Syria's ambassador to the UN"),
        ("The talks failed, as President Assad had predicted.", "President Assad",
         "Bashar al-Assad", "President"),
    ],
)  # fmt: skip
def test_persons_role_from_title_or_apposition(nlp, syria, text, surface, canonical, role):
    mention = by_text(link(nlp, text, syria))[surface]
    assert (mention.kind, mention.value.canonical, mention.value.reason) == (
        "person",
        canonical,
        role,
    )


def test_persons_short_form_links_to_earlier_full_name(nlp, syria):
    text = "UN envoy Staffan de Mistura arrived. De Mistura said the talks went well."
    assert persons(link(nlp, text, syria)) == [
        ("Staffan de Mistura", "Staffan de Mistura"),
        ("De Mistura", "Staffan de Mistura"),
    ]


def test_persons_from_ner_cluster_without_profile(nlp):
    text = "Colonel Steve Warren briefed reporters. Later, Warren said it was unclear."
    found = persons(link(nlp, text, None))
    assert ("Warren", "Steve Warren") in found
    assert {canonical for _, canonical in found} == {"Steve Warren"}


def test_persons_lone_unknown_word_is_not_a_person(nlp, syria):
    text = "The army entered Palmyra on Sunday, and Palmyra celebrated."
    assert persons(link(nlp, text, syria)) == []


def test_persons_lower_case_surname_is_not_a_person(nlp, syria):
    assert persons(link(nlp, "It was their trump card.", syria)) == []


@pytest.mark.parametrize(
    "name,key,forms",
    [
        ("Bashar al-Assad", "assad", ["al-Assad", "Assad"]),
        ("Staffan de Mistura", "mistura", ["Mistura", "de Mistura"]),
        ("President Vladimir Putin", "putin", ["Putin"]),
        ("Ban Ki-moon", "ki-moon", ["Ki-moon"]),
        ("Kerry", "kerry", []),
    ],
)
def test_names_surname_key_and_short_forms(name, key, forms):
    assert name_key(name) == key
    assert surname_forms(name) == forms


def test_actors_dateline_capital_is_no_metonym(nlp, syria):
    """"DAMASCUS - ..." names where the story was filed, even when parsed as the subject."""
    text = "DAMASCUS - Rebels shelled the old city on Monday. Damascus said it would respond."
    found = [(m.text, m.value.canonical) for m in link(nlp, text, syria)]
    assert ("DAMASCUS", "Government of Syria") not in found
    assert ("Damascus", "Government of Syria") in found
