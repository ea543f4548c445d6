"""The conflict profile: everything specific to one war, read from a folder of YAML files.

A profile folder holds ``profile.yaml`` (its name, title and the countries where
its war's events happen, which ``--profile auto`` matches articles against),
``actors.yaml`` (sides, actors with their aliases and the naming register of
each, descriptors without a fixed referent, well-known persons), ``outlets.yaml``
and ``loaded_terms.yaml``; ``places.yaml`` belongs to the gazetteer's loader and
is checked by ``check_profile`` only. The README.md shipped beside the Syria
profile documents every field.

The loader reports *every* bad entry at once, each as ``FILE:LINE: reason``, so
that a user editing a copied profile fixes all mistakes in one round. Line
numbers come from the composed YAML node tree, which plain ``yaml.safe_load``
throws away.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from importlib.resources import files
from pathlib import Path
from typing import get_args

import yaml

from palmyra.errors import ProfileError
from palmyra.loading import without_gc
from palmyra.model import Outlet, Register
from palmyra.resource_files import words

REGISTERS: frozenset[str] = frozenset(get_args(Register))
ACTOR_KINDS = frozenset(
    {
        "state_forces",
        "government",
        "armed_group",
        "militia",
        "political_group",
        "organisation",
        "civilians",
        "protesters",
    }
)
ACTORS_FILE, OUTLETS_FILE, TERMS_FILE = "actors.yaml", "outlets.yaml", "loaded_terms.yaml"
PROFILE_FILE, PLACES_FILE = "profile.yaml", "places.yaml"
# Every key a profile file may use, by where it appears; any other key is reported as an
# error, so a misspelt key ("alias:") cannot be silently ignored. README.md documents each.
FIELDS: dict[str, frozenset[str]] = {
    PROFILE_FILE: frozenset({"name", "title", "countries"}),
    ACTORS_FILE: frozenset({"sides", "opponents", "actors", "descriptors", "persons"}),
    "actor": frozenset({"canonical", "kind", "side", "country", "aliases", "modifiers",
                        "forces"}),
    "alias": frozenset({"text", "register", "reason", "metonym"}),
    "descriptor": frozenset({"text", "register", "reason", "default", "refers_to", "neutral_for"}),
    "person": frozenset({"name", "affiliation", "role", "aliases"}),
    OUTLETS_FILE: frozenset({"outlets"}),
    "outlet": frozenset({"name", "aliases", "domains", "country", "owner", "furniture",
                        "stands_for"}),
    TERMS_FILE: frozenset({"terms"}),
    "term": frozenset({"text", "register", "target", "reason"}),
}


@dataclass(frozen=True)
class Alias:
    """One way of naming something, with the naming register it carries.

    ``metonym`` marks a place or country name standing for its government
    ("Damascus said"): it names the actor only where the parse makes it an
    agent, never as a location.
    """

    text: str
    register: Register = "neutral"
    reason: str | None = None
    metonym: bool = False


@dataclass(frozen=True)
class ActorEntry:
    """A canonical actor (ACLED-style name) and every name the profile knows for it.

    ``modifiers`` are words that name the actor when followed by a force noun
    ("regime" + "forces", "Russian" + "war planes"); the nouns are a general
    English list in ``resources/force_nouns.txt``.
    """

    canonical: str
    kind: str
    side: str | None = None
    country: str | None = None
    aliases: tuple[Alias, ...] = ()
    modifiers: tuple[Alias, ...] = ()
    # A government's armed forces where its name does not give them ("Government of National
    # Unity" fights as the Military Forces of Libya); else "Government of X" fights as
    # "Military Forces of X"
    forces: str | None = None


@dataclass(frozen=True)
class Descriptor:
    """A common noun with no fixed referent ("terrorists", "rebels").

    Which actor it names depends on the text around it: a group named in the
    same phrase, an actor of one of the ``refers_to`` sides nearby, else
    ``default`` (or nothing when there is no default).
    """

    text: str
    register: Register
    reason: str | None = None
    default: str | None = None
    refers_to: tuple[str, ...] = ()
    neutral_for: tuple[str, ...] = ()  # sides for which the word is accurate, not loaded


@dataclass(frozen=True)
class PersonEntry:
    """A well-known person, so that "Assad" or "President Assad" links to one full name."""

    name: str
    affiliation: str | None = None  # canonical actor the person speaks or acts for
    role: str | None = None
    aliases: tuple[Alias, ...] = ()


@dataclass(frozen=True)
class LoadedTerm:
    """A framing word or phrase and the side it frames (``target``), favourably or not."""

    text: str
    register: Register
    target: str | None = None
    reason: str | None = None


@dataclass(eq=False)  # identity equality: matchers are cached per Profile object
class Profile:
    """A loaded, validated conflict profile."""

    name: str
    path: Path | None = None
    title: str | None = None  # profile.yaml: "War in Yemen (2014–)"
    countries: tuple[str, ...] = ()  # profile.yaml: ISO codes where its events happen
    sides: dict[str, str] = field(default_factory=dict)
    # side -> the canonical actor it fights where a text leaves the other party unnamed
    # (the loser of a place it takes, the launcher of drones it shoots down)
    opponents: dict[str, str] = field(default_factory=dict)
    actors: list[ActorEntry] = field(default_factory=list)
    descriptors: list[Descriptor] = field(default_factory=list)
    persons: list[PersonEntry] = field(default_factory=list)
    outlets: list[Outlet] = field(default_factory=list)
    loaded_terms: list[LoadedTerm] = field(default_factory=list)

    @property
    def label(self) -> str:
        """The title when the profile has one, else its name."""
        return self.title or self.name

    def actor(self, canonical: str) -> ActorEntry | None:
        """The actor of that canonical name, or ``None``."""
        return next((a for a in self.actors if a.canonical == canonical), None)

    def person(self, name: str) -> PersonEntry | None:
        """The person of that full name, or ``None``."""
        return next((p for p in self.persons if p.name == name), None)

    @cached_property
    def modifier_actors(self) -> dict[str, tuple[ActorEntry, ...]]:
        """Lower-case modifier text ("regime", "houthi") -> the actors it names, in the
        profile's order; built once per loaded profile (the event actors and the
        descriptors both look modifiers up, word by word)."""
        table: dict[str, list[ActorEntry]] = {}
        for actor in self.actors:
            for mod in actor.modifiers:
                table.setdefault(mod.text.lower(), []).append(actor)
        return {text: tuple(actors) for text, actors in table.items()}


def load_profile(path_or_name: str | Path | None) -> Profile | None:
    """Load and validate a conflict profile.

    Args:
        path_or_name: ``None`` for no profile; a folder path; or the name of a
            profile shipped with Palmyra (``"syria"``). An existing folder wins
            over a packaged name, so a user's edited copy called ``syria`` is used.

    Returns:
        The profile, or ``None`` when ``path_or_name`` is ``None``.

    Raises:
        ProfileError: the folder does not exist, or entries are invalid; the
            message has one ``FILE:LINE: reason`` line per bad entry.
    """
    if path_or_name is None:
        return None
    return _read_folder(profile_folder(path_or_name))


def profile_folder(path_or_name: str | Path) -> Path:
    """The folder a profile name or path stands for (see ``load_profile``)."""
    folder = Path(path_or_name)
    if not folder.is_dir():
        packaged = files("palmyra").joinpath("profiles", str(path_or_name))
        if isinstance(path_or_name, Path) or not packaged.is_dir():
            raise ProfileError(f"{path_or_name}: no such profile folder or packaged profile")
        folder = Path(str(packaged))
    return folder


def shipped_profile_names() -> list[str]:
    """The profiles packaged with Palmyra: folders beside this module holding an actors.yaml."""
    root = Path(str(files("palmyra").joinpath("profiles")))
    return sorted(p.name for p in root.iterdir() if (p / ACTORS_FILE).is_file())


def load_shipped_profiles() -> list[Profile]:
    """Every shipped profile, each with its ``profile.yaml`` (which ``--profile auto`` needs).

    Raises:
        ProfileError: one ``FILE:LINE: reason`` line per bad entry of any of them.
    """
    loaded, problems = [], []
    for name in shipped_profile_names():
        try:
            loaded.append(_read_folder(profile_folder(name), require_meta=True))
        except ProfileError as err:
            problems.append(str(err))
    if problems:
        raise ProfileError("\n".join(problems))
    return loaded


def check_profile(path_or_name: str | Path) -> list[str]:
    """Every problem of a profile folder as ``FILE:LINE: reason``; empty when it is valid.

    Stricter than ``load_profile``: ``profile.yaml`` must be there (``--profile auto``
    cannot choose a profile without its countries), and ``places.yaml`` is read against
    the packaged gazetteer too.
    """
    try:
        folder = profile_folder(path_or_name)
    except ProfileError as err:
        return [str(err)]
    problems: list[str] = []
    try:
        _read_folder(folder, require_meta=True)
    except ProfileError as err:
        problems.extend(str(err).splitlines())
    if (folder / PLACES_FILE).is_file():
        from palmyra.annotate.gazetteer import Gazetteer

        try:
            Gazetteer.load(folder)
        except ProfileError as err:
            problems.extend(str(err).splitlines())
    return problems


def load_word_list(name: str) -> tuple[str, ...]:
    """Entries of ``palmyra/resources/NAME.txt``: one per line, ``#`` starts a comment."""
    return words(f"{name}.txt")


@without_gc
def _read_folder(folder: Path, require_meta: bool = False) -> Profile:
    actors_path = folder / ACTORS_FILE
    if not actors_path.is_file():
        raise ProfileError(f"{actors_path}: missing (every profile needs its actors)")
    problems: list[str] = []
    profile = Profile(name=folder.name, path=folder)
    meta_path = folder / PROFILE_FILE
    if meta_path.is_file():
        _read_meta(_Yaml(meta_path, problems), profile, require_meta)
    elif require_meta:
        problems.append(
            f"{meta_path}:1: missing (give name, title and countries: the README's"
            " 'How to write a profile for a new war')"
        )
    _ActorsReader(actors_path, problems).read_into(profile)
    if (folder / OUTLETS_FILE).is_file():
        profile.outlets = _read_outlets(_Yaml(folder / OUTLETS_FILE, problems))
    if (folder / TERMS_FILE).is_file():
        profile.loaded_terms = _read_terms(_Yaml(folder / TERMS_FILE, problems), profile.sides)
    if problems:
        raise ProfileError("\n".join(problems))
    return profile


def _read_meta(y: _Yaml, profile: Profile, strict: bool) -> None:
    """``profile.yaml``: the folder's name, a title, and the ISO codes of its countries.

    A ``name`` other than the folder's is a problem when ``strict`` (a shipped profile, or
    ``check_profile``); a copy passed by path is named by its folder and may keep it.
    """
    if y.root is None:
        y.problems.append(f"{y.path}:1: empty file (expected name, title and countries)")
        return
    m = y.mapping(y.root, FIELDS[PROFILE_FILE], ("name", "title", "countries"))
    if m is None:
        return
    name = y.scalar(m.get("name"))
    if strict and "name" in m and name != profile.name:
        y.problem(m["name"], f"name {name!r} is not the folder's name {profile.name!r}")
    if "title" in m:
        profile.title = y.text(m["title"], "title", y.root)
    if "countries" not in m:
        return
    from palmyra.annotate.countries import countries

    known = countries()
    codes: list[str] = []
    listed = m["countries"]
    empty = isinstance(listed, yaml.ScalarNode) and y.scalar(listed) is None
    if empty or isinstance(listed, yaml.SequenceNode) and not listed.value:
        y.problem(listed, "countries must list at least one ISO code: [YE]")
    for node in y.sequence(listed):
        code = y.scalar(node)
        if code is None:
            y.problem(node, "a country code must not be empty")
        elif code not in known:
            y.problem(node, f"{code!r} is not an ISO 3166-1 alpha-2 country code (e.g. YE, UA)")
        elif code in codes:
            y.problem(node, f"country {code!r} listed twice")
        else:
            codes.append(code)
    profile.countries = tuple(codes)


class _Yaml:
    """A YAML file as a node tree, with helpers that record ``file:line: reason`` problems.

    Scalars are read as the raw text written in the file, so a plain ``NO`` or
    ``on`` in a list of names stays a name instead of turning into a boolean.
    """

    _NULLS = frozenset({"", "~", "null", "Null", "NULL"})

    def __init__(self, path: Path, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        try:
            self.root = _compose(path.read_text("utf-8"))
        except yaml.MarkedYAMLError as err:
            mark = err.problem_mark or err.context_mark
            line = mark.line + 1 if mark else 0
            raise ProfileError(f"{path}:{line}: not valid YAML ({err.problem})") from err
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
            raise ProfileError(f"{path}: cannot be read ({err})") from err

    def problem(self, node: yaml.Node, reason: str) -> None:
        self.problems.append(f"{self.path}:{node.start_mark.line + 1}: {reason}")

    def mapping(
        self, node: yaml.Node, allowed: frozenset[str], required: tuple[str, ...] = ()
    ) -> dict[str, yaml.Node] | None:
        """Keys to value nodes; unknown, duplicate and missing keys are problems."""
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, "expected a mapping of keys to values")
            return None
        out: dict[str, yaml.Node] = {}
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else None
            if name not in allowed:
                self.problem(key, f"unknown key {name!r} (expected one of {sorted(allowed)})")
            elif name in out:
                self.problem(key, f"key {name!r} given twice")
            else:
                out[name] = value
        for name in required:
            if name not in out:
                self.problem(node, f"missing {name!r}")
        return out

    def sequence(self, node: yaml.Node | None) -> list[yaml.Node]:
        if node is None or isinstance(node, yaml.ScalarNode) and self.scalar(node) is None:
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, "expected a list")
            return []
        return list(node.value)

    def scalar(self, node: yaml.Node | None) -> str | None:
        if node is None:
            return None
        if not isinstance(node, yaml.ScalarNode):
            self.problem(node, "expected a single value, not a list or mapping")
            return None
        if node.style is None and node.value in self._NULLS:
            return None
        return node.value.strip() or None

    def text(self, node: yaml.Node | None, what: str, parent: yaml.Node) -> str | None:
        """A required non-empty string."""
        value = self.scalar(node)
        if value is None:
            self.problem(node or parent, f"{what} must not be empty")
        return value

    def strings(self, node: yaml.Node | None) -> tuple[str, ...]:
        """A list of strings, or one string standing for a list of one."""
        if isinstance(node, yaml.ScalarNode):
            value = self.scalar(node)
            return (value,) if value else ()
        return tuple(v for v in (self.scalar(n) for n in self.sequence(node)) if v)

    def flag(self, node: yaml.Node | None) -> bool:
        value = self.scalar(node)
        if value is None or value in ("false", "False"):
            return False
        if value not in ("true", "True"):
            self.problem(node, f"expected true or false, not {value!r}")
        return value in ("true", "True")

    def register(self, node: yaml.Node | None, parent: yaml.Node) -> Register:
        value = self.scalar(node) or "neutral"
        if value not in REGISTERS:
            self.problem(node or parent, f"unknown register {value!r} (use {sorted(REGISTERS)})")
            return "neutral"
        return value  # type: ignore[return-value]  # checked against REGISTERS above


def _key(text: str) -> str:
    """How two names compare for duplicates: the matcher folds case except in acronyms."""
    text = re.sub(r"\s+", " ", text.replace("\u2019", "'")).strip()
    return text if is_acronym(text) else text.casefold()


def is_acronym(text: str) -> bool:
    """Names written all in capitals ("IS", "SAA") match case-sensitively, so "is" is not IS."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


class _ActorsReader:
    """Reads actors.yaml; remembers where each name was first defined to report clashes."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        self.y = _Yaml(path, problems)
        self.names: dict[str, tuple[str, int]] = {}  # name key -> (owner, line)
        self.sides: dict[str, str] = {}

    def read_into(self, profile: Profile) -> None:
        root = (
            self.y.mapping(self.y.root, FIELDS[ACTORS_FILE], ("actors",)) if self.y.root else None
        )
        if root is None:
            if self.y.root is None:
                self.y.problems.append(f"{self.y.path}:1: empty file (expected 'actors:')")
            return
        self.sides = profile.sides = self._sides(root.get("sides"))
        parsed = [(a, n) for n in self.y.sequence(root.get("actors")) if (a := self._actor(n))]
        profile.actors = [a for a, _ in parsed]
        canon = {a.canonical for a in profile.actors}
        for actor, node in parsed:
            if actor.forces and actor.forces not in canon:
                self.y.problem(node, f"forces {actor.forces!r} is not a canonical actor")
        profile.opponents = self._opponents(root.get("opponents"), canon)
        profile.descriptors = [
            d for n in self.y.sequence(root.get("descriptors")) if (d := self._descriptor(n, canon))
        ]
        profile.persons = [
            p for n in self.y.sequence(root.get("persons")) if (p := self._person(n, canon))
        ]

    def _sides(self, node: yaml.Node | None) -> dict[str, str]:
        if node is None:
            return {}
        if not isinstance(node, yaml.MappingNode):
            self.y.problem(node, "'sides' must map each side to a one-line description")
            return {}
        return {k.value: self.y.scalar(v) or "" for k, v in node.value}

    def _opponents(self, node: yaml.Node | None, canon: set[str]) -> dict[str, str]:
        """Each declared side's opponent, a canonical actor of this profile."""
        if node is None:
            return {}
        if not isinstance(node, yaml.MappingNode):
            self.y.problem(node, "'opponents' must map a side to the canonical actor it fights")
            return {}
        found: dict[str, str] = {}
        for k, v in node.value:
            side, actor = self._side(k), self.y.scalar(v)
            if actor and actor not in canon:
                self.y.problem(v, f"opponent {actor!r} is not a canonical actor")
            elif side and actor:
                found[side] = actor
        return found

    def _side(self, node: yaml.Node | None) -> str | None:
        """A side must be declared, so a typo ("opositon") cannot start a side of its own."""
        side = self.y.scalar(node)
        if side and side not in self.sides:
            self.y.problem(node, f"side {side!r} is not declared under 'sides:'")
        return side

    def _sides_list(self, node: yaml.Node | None) -> tuple[str, ...]:
        nodes = [node] if isinstance(node, yaml.ScalarNode) else self.y.sequence(node)
        return tuple(side for n in nodes if (side := self._side(n)))

    def _claim(self, text: str, owner: str, node: yaml.Node) -> None:
        """Record a name; one name naming two things, or listed twice, is a problem."""
        key = _key(text)
        line = node.start_mark.line + 1
        if key in self.names:
            first_owner, first_line = self.names[key]
            where = "listed twice" if first_owner == owner else f"already names {first_owner!r}"
            self.y.problem(node, f"{text!r} {where} (line {first_line})")
        else:
            self.names[key] = (owner, line)

    def _alias(self, node: yaml.Node, owner: str, namespace: str = "") -> Alias | None:
        if isinstance(node, yaml.ScalarNode):
            text = self.y.text(node, "alias", node)
            alias = Alias(text) if text else None
        else:
            m = self.y.mapping(node, FIELDS["alias"], ("text",))
            if m is None or (text := self.y.text(m.get("text"), "alias text", node)) is None:
                return None
            register = self.y.register(m.get("register"), node)
            reason = self.y.scalar(m.get("reason"))
            if register != "neutral" and not reason:
                self.y.problem(node, f"{text!r} is {register}: give a one-line 'reason'")
            alias = Alias(text, register, reason, self.y.flag(m.get("metonym")))
        if alias:
            self._claim(namespace + alias.text, owner, node)
        return alias

    def _actor(self, node: yaml.Node) -> ActorEntry | None:
        m = self.y.mapping(node, FIELDS["actor"], ("canonical", "kind"))
        if m is None or (canonical := self.y.text(m.get("canonical"), "canonical", node)) is None:
            return None
        self._claim("canonical:" + canonical, canonical, m["canonical"])
        kind = self.y.scalar(m.get("kind")) or ""
        if "kind" in m and kind not in ACTOR_KINDS:
            self.y.problem(m["kind"], f"unknown kind {kind!r} (use {sorted(ACTOR_KINDS)})")
        aliases = [self._alias(n, canonical) for n in self.y.sequence(m.get("aliases"))]
        modifiers = [
            self._alias(n, canonical, "modifier:") for n in self.y.sequence(m.get("modifiers"))
        ]
        return ActorEntry(
            canonical,
            kind,
            self._side(m.get("side")),
            self.y.scalar(m.get("country")),
            tuple(a for a in aliases if a),
            tuple(a for a in modifiers if a),
            self.y.scalar(m.get("forces")),
        )

    def _descriptor(self, node: yaml.Node, canon: set[str]) -> Descriptor | None:
        m = self.y.mapping(node, FIELDS["descriptor"], ("text", "register"))
        if m is None or (text := self.y.text(m.get("text"), "descriptor text", node)) is None:
            return None
        self._claim(text, f"descriptor {text}", m["text"])
        default = self.y.scalar(m.get("default"))
        if default and default not in canon:
            self.y.problem(m["default"], f"default {default!r} is not a canonical actor")
        return Descriptor(
            text,
            self.y.register(m.get("register"), node),
            self.y.scalar(m.get("reason")),
            default,
            self._sides_list(m.get("refers_to")),
            self._sides_list(m.get("neutral_for")),
        )

    def _person(self, node: yaml.Node, canon: set[str]) -> PersonEntry | None:
        m = self.y.mapping(node, FIELDS["person"], ("name",))
        if m is None or (name := self.y.text(m.get("name"), "person name", node)) is None:
            return None
        self._claim("person:" + name, name, m["name"])
        affiliation = self.y.scalar(m.get("affiliation"))
        if affiliation and affiliation not in canon:
            self.y.problem(
                m["affiliation"], f"affiliation {affiliation!r} is not a canonical actor"
            )
        aliases = [self._alias(n, name) for n in self.y.sequence(m.get("aliases"))]
        return PersonEntry(
            name, affiliation, self.y.scalar(m.get("role")), tuple(a for a in aliases if a)
        )


_DOMAIN = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+(/[\w./-]*)?$")


def _read_outlets(y: _Yaml) -> list[Outlet]:
    root = y.mapping(y.root, FIELDS[OUTLETS_FILE], ("outlets",)) if y.root else None
    outlets: list[Outlet] = []
    seen: dict[str, tuple[str, int]] = {}
    generic: list[tuple[yaml.Node, tuple[str, ...]]] = []  # stands_for, checked last
    for node in y.sequence((root or {}).get("outlets")):
        m = y.mapping(node, FIELDS["outlet"], ("name",))
        if m is None or (name := y.text(m.get("name"), "outlet name", node)) is None:
            continue
        aliases, domains = y.strings(m.get("aliases")), y.strings(m.get("domains"))
        for text in (name, *aliases, *domains):
            key = _key(text)
            if key in seen and seen[key][0] != name:
                y.problem(
                    node, f"{text!r} already names outlet {seen[key][0]!r} (line {seen[key][1]})"
                )
            seen.setdefault(key, (name, node.start_mark.line + 1))
        for domain in domains:
            if not _DOMAIN.match(domain):
                y.problem(m["domains"], f"{domain!r} is not a lower-case domain (no scheme)")
        outlets.append(
            Outlet(
                name,
                aliases,
                domains,
                y.scalar(m.get("country")),
                y.scalar(m.get("owner")),
                y.strings(m.get("furniture")),
                y.strings(m.get("stands_for")),
            )
        )
        if outlets[-1].stands_for:
            generic.append((m["stands_for"], outlets[-1].stands_for))
    names = {o.name for o in outlets}
    for node, named in generic:
        for other in named:
            if other not in names:
                y.problem(node, f"stands_for {other!r} is not an outlet of this file")
    return outlets


def _read_terms(y: _Yaml, sides: dict[str, str]) -> list[LoadedTerm]:
    root = y.mapping(y.root, FIELDS[TERMS_FILE], ("terms",)) if y.root else None
    terms: list[LoadedTerm] = []
    seen: set[str] = set()
    for node in y.sequence((root or {}).get("terms")):
        m = y.mapping(node, FIELDS["term"], ("text", "register"))
        if m is None or (text := y.text(m.get("text"), "term text", node)) is None:
            continue
        if _key(text) in seen:
            y.problem(node, f"term {text!r} listed twice")
        seen.add(_key(text))
        target = y.scalar(m.get("target"))
        if target and target not in sides:
            y.problem(m["target"], f"target {target!r} is not a side declared in actors.yaml")
        terms.append(
            LoadedTerm(text, y.register(m.get("register"), node), target, y.scalar(m.get("reason")))
        )
    return terms


def _compose(text: str) -> yaml.Node | None:
    """The node tree of a YAML text, parsed by libyaml where PyYAML has it (several times
    faster: --profile auto reads every shipped profile at start); a text it refuses is
    parsed again by the pure-Python parser, so the error is the one it always was."""
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            root = yaml.compose(text, Loader=fast)
        except yaml.YAMLError:
            pass
        else:
            _plain_style(root)
            return root
    return yaml.compose(text, Loader=yaml.SafeLoader)


def _plain_style(node: yaml.Node | None) -> None:
    """libyaml marks a plain scalar's style ``''`` where PyYAML says ``None``: say ``None``."""
    stack = [node] if node is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            if node.style == "":
                node.style = None
        elif isinstance(node, yaml.MappingNode):
            stack.extend(n for pair in node.value for n in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
